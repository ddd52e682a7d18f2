package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Tries to stop the JVM with System.exit: refused before it runs. */
public final class Quit {
    private Quit() {}

    public static int main(Libc sys, String[] argv) {
        System.exit(3);
        return 0;
    }
}
