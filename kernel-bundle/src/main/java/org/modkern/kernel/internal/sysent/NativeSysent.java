package org.modkern.kernel.internal.sysent;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.SyscallService;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.sys.SysFile;
import org.modkern.kernel.internal.sys.SysMount;
import org.modkern.kernel.internal.sys.SysPath;
import org.modkern.kernel.internal.sys.SysctlCall;
import org.modkern.kernel.internal.sys.SysProc;
import org.modkern.kernel.internal.sys.SysTime;

/**
 * The native ("netbsd") system-call table: one line per implemented call, with NetBSD's number
 * from sys/kern/syscalls.master. Where NetBSD has an old and a current slot (wait4 7 and
 * __wait450 449, mknod 14 and __mknod50 450), both lead to the same handler.
 */
public final class NativeSysent {
    private NativeSysent() {}

    /** SYS_NSYSENT. */
    public static final int NSYSENT = 512;

    public static SysentTable create(SysPath path, SysMount mount, SysProc proc, SysctlCall sysctl) {
        SysentTable t = new SysentTable(SyscallService.NATIVE, NSYSENT);
        t.define(0, "syscall", NativeSysent::indirect);
        t.define(1, "exit", proc::exit);
        t.define(3, "read", SysFile::read);
        t.define(4, "write", SysFile::write);
        t.define(5, "open", path::open);
        t.define(6, "close", SysFile::close);
        t.define(7, "wait4", proc::wait4);
        t.define(9, "link", path::link);
        t.define(10, "unlink", path::unlink);
        t.define(12, "chdir", path::chdir);
        t.define(13, "fchdir", path::fchdir);
        t.define(14, "mknod", path::mknod);
        t.define(15, "chmod", path::chmod);
        t.define(16, "chown", path::chown);
        t.define(20, "getpid", proc::getpid);
        t.define(22, "unmount", mount::unmount);
        t.define(23, "setuid", proc::setuid);
        t.define(24, "getuid", proc::getuid);
        t.define(25, "geteuid", proc::getuid);
        t.define(37, "kill", proc::kill);
        t.define(39, "getppid", proc::getppid);
        t.define(41, "dup", SysFile::dup);
        t.define(43, "getegid", proc::getgid);
        t.define(47, "getgid", proc::getgid);
        t.define(54, "ioctl", SysFile::ioctl);
        t.define(57, "symlink", path::symlink);
        t.define(58, "readlink", path::readlink);
        t.define(59, "execve", proc::execve);
        t.define(60, "umask", path::umask);
        t.define(90, "dup2", SysFile::dup2);
        t.define(92, "fcntl", SysFile::fcntl);
        t.define(95, "fsync", SysFile::fsync);
        t.define(124, "fchmod", path::fchmod);
        t.define(91, "getrandom", SysTime::getrandom);
        t.define(128, "rename", path::rename);
        t.define(136, "mkdir", path::mkdir);
        t.define(137, "rmdir", path::rmdir);
        t.define(173, "pread", SysFile::pread);
        t.define(174, "pwrite", SysFile::pwrite);
        t.define(181, "setgid", proc::setgid);
        t.define(199, "lseek", SysFile::lseek);
        t.define(201, "ftruncate", path::ftruncate);
        t.define(202, "__sysctl", sysctl::sysctl);
        t.define(296, "__getcwd", path::getcwd);
        t.define(390, "__getdents30", SysFile::getdents);
        t.define(350, "sched_yield", SysTime::schedYield);
        t.define(356, "getvfsstat", mount::getvfsstat);
        t.define(357, "statvfs1", mount::statvfs);
        t.define(410, "__mount50", mount::mount);
        t.define(420, "__utimes50", path::utimes);
        t.define(423, "__futimes50", path::futimes);
        t.define(427, "__clock_gettime50", SysTime::clockGettime);
        t.define(429, "__clock_getres50", SysTime::clockGetres);
        t.define(430, "__nanosleep50", proc::nanosleep);
        t.define(439, "__stat50", path::stat);
        t.define(440, "__fstat50", SysFile::fstat);
        t.define(441, "__lstat50", path::lstat);
        t.define(449, "__wait450", proc::wait4);
        t.define(450, "__mknod50", path::mknod);
        t.define(453, "pipe2", SysFile::pipe2);
        t.define(474, "posix_spawn", proc::posixSpawn);
        return t;
    }

    /** Implements syscall(2): the first argument is the number of the call to make. */
    private static long indirect(org.modkern.kern.Proc p, org.modkern.kern.SyscallArgs a)
            throws ErrnoException {
        int code = a.i32(0);
        if (code == 0) {
            throw new ErrnoException(Errno.EINVAL, "syscall(0, ...) would call itself");
        }
        a.shift(1);
        try {
            return ((ProcImpl) p).invoke(code);
        } finally {
            a.unshift(1);
        }
    }
}
