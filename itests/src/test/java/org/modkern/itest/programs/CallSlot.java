package org.modkern.itest.programs;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;

/** callslot N [args...]: makes system call N through the trap and prints the result or the errno. */
public final class CallSlot {
    private CallSlot() {}

    public static int main(Libc sys, String[] argv) {
        int code = Integer.parseInt(argv[1]);
        long[] a = new long[6];
        for (int i = 2; i < argv.length && i < 8; i++) {
            a[i - 2] = Long.parseLong(argv[i]);
        }
        long r = sys.trap().syscall(code, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r == -1 && sys.trap().errno() != 0) {
            int e = sys.trap().errno();
            sys.out().println(code + " -> errno=" + e + " (" + Errors.name(e) + ") " + sys.trap().errorDetail());
        } else {
            sys.out().println(code + " -> " + r);
        }
        return 0;
    }
}
