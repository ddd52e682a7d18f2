package org.modkern.userland.bin.falsecmd;

import org.modkern.libc.Libc;

/** false: does nothing, unsuccessfully. */
public final class False {
    private False() {}

    public static int main(Libc sys, String[] argv) {
        return 1;
    }
}
