package org.modkern.libc;

/** The wait status word's readers (sys/wait.h) and wait4 options. */
public final class Wait {
    private Wait() {}

    public static final int WNOHANG = 0x1;

    public static boolean exited(int st) {
        return (st & 0177) == 0;
    }

    public static int exitStatus(int st) {
        return (st >> 8) & 0xff;
    }

    public static boolean signalled(int st) {
        return (st & 0177) != 0 && (st & 0177) != 0177;
    }

    public static int termSig(int st) {
        return st & 0177;
    }

    /** What a shell puts in $?: the exit status, or 128 + the signal. */
    public static int shellStatus(int st) {
        return exited(st) ? exitStatus(st) : 128 + termSig(st);
    }
}
