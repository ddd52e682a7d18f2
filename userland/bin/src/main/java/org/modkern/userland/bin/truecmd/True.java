package org.modkern.userland.bin.truecmd;

import org.modkern.libc.Libc;

/** true: does nothing, successfully. */
public final class True {
    private True() {}

    public static int main(Libc sys, String[] argv) {
        return 0;
    }
}
