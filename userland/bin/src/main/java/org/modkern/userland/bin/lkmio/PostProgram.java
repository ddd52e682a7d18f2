package org.modkern.userland.bin.lkmio;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Wait;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;

/**
 * modload's post-install and modunload's post-uninstall program: run with the module id in
 * decimal, its type in hexadecimal and its offset (a system call's slot, a device's major), as
 * modload(8) ran it. Like execvp, a file that is not an executable format is run by /bin/sh.
 */
public final class PostProgram {
    private PostProgram() {}

    static final int ENOEXEC = 8;

    /** The program's arguments for module {@code s}: id, type (hex), offset. */
    public static String[] args(ModStat s) {
        String[] bsd = {Integer.toString(s.id()), Integer.toHexString(s.type()), Long.toString(s.offset())};
        if (s.type() != Lkmio.LM_DEV) {
            return bsd;
        }
        // Ours, after BSD's three: the character and block majors apart (-1 for none), so that a
        // script needs no arithmetic. An offset above 0xffff is LKM_MAKEMAJOR(block, char).
        long off = s.offset();
        long cmaj = off > 0xffff ? off & 0xffff : off;
        long bmaj = off > 0xffff ? off >>> 16 : -1;
        return concat(bsd[0], bsd[1], bsd[2], Long.toString(cmaj), Long.toString(bmaj));
    }

    /**
     * Runs {@code program} for module {@code s} and waits for it.
     *
     * @throws SysError the spawn's errno ("program P: ..."), or EIO when it exits non-zero
     *     ("program P ID TYPE OFFSET exited with status N")
     */
    public static void run(Libc sys, String program, ModStat s) {
        String[] args = args(s);
        int pid;
        try {
            pid = sys.spawn(program, concat(program, args), null);
        } catch (SysError e) {
            if (e.errno() != ENOEXEC) {
                throw new SysError(e.errno(), "program " + program + ": " + detail(e));
            }
            try {
                pid = sys.spawn("/bin/sh", concat("/bin/sh", concat(program, args)), null);
            } catch (SysError e2) {
                throw new SysError(e2.errno(), "program " + program + ": " + detail(e2));
            }
        }
        int status = Wait.shellStatus(sys.waitpid(pid));
        if (status != 0) {
            throw new SysError(Errors.EIO, "program " + program + " " + String.join(" ", args)
                    + " exited with status " + status);
        }
    }

    /** What the kernel said, else the errno's message. */
    static String detail(SysError e) {
        return e.detail() == null || e.detail().isEmpty() ? e.getMessage() : e.detail();
    }

    private static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
