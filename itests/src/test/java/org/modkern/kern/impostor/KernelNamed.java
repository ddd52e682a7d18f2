package org.modkern.kern.impostor;

import org.modkern.libc.Libc;

/**
 * A program whose class takes a name in the kernel's API package tree, to pass for the kernel's in
 * logs and fault reports. The native format must refuse it before it runs (EscapeIT).
 */
public final class KernelNamed {
    private KernelNamed() {}

    public static int main(Libc sys, String[] argv) {
        return argv.length;
    }
}
