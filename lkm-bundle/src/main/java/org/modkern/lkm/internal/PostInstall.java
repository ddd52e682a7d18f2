package org.modkern.lkm.internal;

import java.io.InputStream;
import java.io.OutputStream;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.lkm.ModType;

/**
 * Runs modload's post-install (and modunload's post-uninstall) program inside the emulated
 * system, with modload(8)'s arguments: the module id in decimal, the module type in hexadecimal
 * and the type's value (a device's major, a system call's slot); for a device module then its
 * character and its block major apart (-1 for none), so that a script making nodes needs no
 * arithmetic. Like execvp, a file that is not an executable format is run by /bin/sh.
 */
final class PostInstall {
    private PostInstall() {}

    static void run(Kernel kernel, String program, ModuleEntry e, int value, int[] majors, InputStream in,
            OutputStream out)
            throws ErrnoException {
        String[] args = e.type() == ModType.DEV
                ? new String[] {Integer.toString(e.id()), Integer.toHexString(e.type().lkmNumber()),
                    Integer.toString(value), Integer.toString(majors[0]), Integer.toString(majors[1])}
                : new String[] {Integer.toString(e.id()), Integer.toHexString(e.type().lkmNumber()),
                    Integer.toString(value)};
        int status;
        try {
            status = kernel.run(concat(program, args), in, out);
        } catch (ErrnoException x) {
            if (x.errno() != Errno.ENOEXEC) {
                throw new ErrnoException(x.errno(), "program " + program + ": " + x.detail());
            }
            status = kernel.run(concat("/bin/sh", concat(program, args)), in, out);
        }
        if (status != 0) {
            throw new ErrnoException(Errno.EIO, "program " + program + " " + String.join(" ", args)
                    + " exited with status " + status);
        }
    }

    private static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
