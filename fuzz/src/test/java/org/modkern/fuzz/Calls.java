package org.modkern.fuzz;

import static org.modkern.fuzz.Calls.Type.*;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzzer knows of the native system-call table (kernel-bundle's NativeSysent): each
 * slot's name and argument types, so that most calls get arguments of roughly the right kind
 * before they are bent. Slots not listed here (nosys, lkmnosys) are called with arguments of
 * random kinds.
 */
final class Calls {
    private Calls() {}

    /** Kinds of argument word, each with its own generator in {@link ArgGen}. */
    enum Type {
        INT, FD, PATH, TARGET, BUF_IN, BUF_OUT, LEN, OFF, PAD, OFLAGS, MODE, NODE_MODE, DEV, PID, SIG,
        ID, WHENCE, FCNTL_CMD, FCNTL_ARG, IOCTL_CMD, STRVEC, ACTIONS, TIMESPEC, TIMEVAL2, MIB, MIB_LEN,
        OLDLENP, NEWP, INT_OUT, STAT_OUT, STATVFS_OUT, PIPE_OUT, FSTYPE, MNT_FLAGS, MNT_DATA, WAIT_OPTS,
        SLOT, EXIT_CODE, UMASK, PIPE_FLAGS, IOCTL_ARG
    }

    record Sig(int slot, String name, List<Type> args) {}

    static final Map<Integer, Sig> TABLE = new TreeMap<>();

    private static void def(int slot, String name, Type... args) {
        TABLE.put(slot, new Sig(slot, name, List.of(args)));
    }

    static {
        def(0, "syscall", SLOT);
        def(1, "exit", EXIT_CODE);
        def(3, "read", FD, BUF_OUT, LEN);
        def(4, "write", FD, BUF_IN, LEN);
        def(5, "open", PATH, OFLAGS, MODE);
        def(6, "close", FD);
        def(7, "wait4", PID, INT_OUT, WAIT_OPTS, BUF_OUT);
        def(9, "link", PATH, PATH);
        def(10, "unlink", PATH);
        def(12, "chdir", PATH);
        def(13, "fchdir", FD);
        def(14, "mknod", PATH, NODE_MODE, DEV);
        def(15, "chmod", PATH, MODE);
        def(16, "chown", PATH, ID, ID);
        def(20, "getpid");
        def(22, "unmount", PATH, MNT_FLAGS);
        def(23, "setuid", ID);
        def(24, "getuid");
        def(25, "geteuid");
        def(37, "kill", PID, SIG);
        def(39, "getppid");
        def(41, "dup", FD);
        def(43, "getegid");
        def(47, "getgid");
        def(54, "ioctl", FD, IOCTL_CMD, IOCTL_ARG);
        def(57, "symlink", TARGET, PATH);
        def(58, "readlink", PATH, BUF_OUT, LEN);
        def(59, "execve", PATH, STRVEC, STRVEC);
        def(60, "umask", UMASK);
        def(90, "dup2", FD, FD);
        def(92, "fcntl", FD, FCNTL_CMD, FCNTL_ARG);
        def(95, "fsync", FD);
        def(124, "fchmod", FD, MODE);
        def(128, "rename", PATH, PATH);
        def(136, "mkdir", PATH, MODE);
        def(137, "rmdir", PATH);
        def(181, "setgid", ID);
        def(199, "lseek", FD, PAD, OFF, WHENCE);
        def(201, "ftruncate", FD, PAD, OFF);
        def(202, "__sysctl", MIB, MIB_LEN, BUF_OUT, OLDLENP, NEWP, LEN);
        def(296, "__getcwd", BUF_OUT, LEN);
        def(356, "getvfsstat", STATVFS_OUT, LEN, INT);
        def(357, "statvfs1", PATH, STATVFS_OUT, INT);
        def(390, "__getdents30", FD, BUF_OUT, LEN);
        def(410, "__mount50", FSTYPE, PATH, MNT_FLAGS, MNT_DATA, LEN);
        def(420, "__utimes50", PATH, TIMEVAL2);
        def(430, "__nanosleep50", TIMESPEC, BUF_OUT);
        def(439, "__stat50", PATH, STAT_OUT);
        def(440, "__fstat50", FD, STAT_OUT);
        def(441, "__lstat50", PATH, STAT_OUT);
        def(449, "__wait450", PID, INT_OUT, WAIT_OPTS, BUF_OUT);
        def(450, "__mknod50", PATH, NODE_MODE, DEV);
        def(453, "pipe2", PIPE_OUT, PIPE_FLAGS);
        def(474, "posix_spawn", INT_OUT, PATH, ACTIONS, INT, STRVEC, STRVEC);
    }

    /** The slots above, for picking one. */
    static final int[] SLOTS = TABLE.keySet().stream().mapToInt(Integer::intValue).toArray();

    /** Slots that are not implemented, and numbers outside the table (SYS_NSYSENT is 512). */
    static final int[] OTHER_SLOTS = {2, 8, 11, 17, 198, 209, 210, 215, 219, 220, 473, 506, 511, 512, 513, -1,
        -2, 1 << 16, Integer.MAX_VALUE, Integer.MIN_VALUE};

    static String name(int slot) {
        Sig s = TABLE.get(slot);
        return s == null ? "#" + slot : s.name();
    }
}
