package org.modkern.kern;

/** NetBSD's signal numbers (sys/sys/signal.h) and names. */
public final class Sig {
    private Sig() {}

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5,
            SIGABRT = 6, SIGEMT = 7, SIGFPE = 8, SIGKILL = 9, SIGBUS = 10, SIGSEGV = 11,
            SIGSYS = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15, SIGURG = 16, SIGSTOP = 17,
            SIGTSTP = 18, SIGCONT = 19, SIGCHLD = 20, SIGTTIN = 21, SIGTTOU = 22, SIGIO = 23,
            SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28,
            SIGINFO = 29, SIGUSR1 = 30, SIGUSR2 = 31, SIGPWR = 32;
    public static final int NSIG = 64;

    private static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT",
        "EMT", "FPE", "KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG", "STOP",
        "TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO", "XCPU", "XFSZ", "VTALRM", "PROF",
        "WINCH", "INFO", "USR1", "USR2", "PWR"};

    /** "SIGINT" for 2; "SIG#n" beyond the named ones. */
    public static String name(int sig) {
        return sig > 0 && sig < NAMES.length ? "SIG" + NAMES[sig] : "SIG#" + sig;
    }
}
