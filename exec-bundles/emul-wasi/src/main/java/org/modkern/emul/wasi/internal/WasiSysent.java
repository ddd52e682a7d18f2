package org.modkern.emul.wasi.internal;

import java.util.HashMap;
import java.util.Map;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.kern.SyscallHandler;

/**
 * The wasi emulation's calls by slot ({@link WasiAbi#CALLS}). The sock_* slots are
 * empty (ENOSYS): the kernel has no sockets yet.
 */
final class WasiSysent {
    private WasiSysent() {}

    static Map<Integer, SyscallHandler> calls(Native n) {
        ArgsCalls args = new ArgsCalls(n);
        ClockCalls clock = new ClockCalls(n);
        Times times = new Times(n, clock);
        FdCalls fd = new FdCalls(n, times);
        PathCalls path = new PathCalls(n, times);
        PollCalls poll = new PollCalls(n, clock, fd);
        ProcCalls proc = new ProcCalls(n);
        Map<Integer, SyscallHandler> m = new HashMap<>();
        put(m, "args_get", args::argsGet);
        put(m, "args_sizes_get", args::argsSizesGet);
        put(m, "environ_get", args::environGet);
        put(m, "environ_sizes_get", args::environSizesGet);
        put(m, "clock_res_get", clock::clockResGet);
        put(m, "clock_time_get", clock::clockTimeGet);
        put(m, "fd_advise", fd::fdAdvise);
        put(m, "fd_allocate", fd::fdAllocate);
        put(m, "fd_close", fd::fdClose);
        put(m, "fd_datasync", fd::fdSync);
        put(m, "fd_fdstat_get", fd::fdFdstatGet);
        put(m, "fd_fdstat_set_flags", fd::fdFdstatSetFlags);
        put(m, "fd_fdstat_set_rights", fd::fdFdstatSetRights);
        put(m, "fd_filestat_get", fd::fdFilestatGet);
        put(m, "fd_filestat_set_size", fd::fdFilestatSetSize);
        put(m, "fd_filestat_set_times", fd::fdFilestatSetTimes);
        put(m, "fd_pread", fd::fdPread);
        put(m, "fd_prestat_get", fd::fdPrestatGet);
        put(m, "fd_prestat_dir_name", fd::fdPrestatDirName);
        put(m, "fd_pwrite", fd::fdPwrite);
        put(m, "fd_read", fd::fdRead);
        put(m, "fd_readdir", fd::fdReaddir);
        put(m, "fd_renumber", fd::fdRenumber);
        put(m, "fd_seek", fd::fdSeek);
        put(m, "fd_sync", fd::fdSync);
        put(m, "fd_tell", fd::fdTell);
        put(m, "fd_write", fd::fdWrite);
        put(m, "path_create_directory", path::createDirectory);
        put(m, "path_filestat_get", path::filestatGet);
        put(m, "path_filestat_set_times", path::filestatSetTimes);
        put(m, "path_link", path::link);
        put(m, "path_open", path::open);
        put(m, "path_readlink", path::readlink);
        put(m, "path_remove_directory", path::removeDirectory);
        put(m, "path_rename", path::rename);
        put(m, "path_symlink", path::symlink);
        put(m, "path_unlink_file", path::unlinkFile);
        put(m, "poll_oneoff", poll::pollOneoff);
        put(m, "proc_exit", proc::procExit);
        put(m, "proc_raise", proc::procRaise);
        put(m, "sched_yield", proc::schedYield);
        put(m, "random_get", proc::randomGet);
        return m;
    }

    private static void put(Map<Integer, SyscallHandler> m, String name, SyscallHandler h) {
        int slot = WasiAbi.slot(name);
        if (slot < 0) {
            throw new IllegalArgumentException("no WASI call " + name);
        }
        m.put(slot, h);
    }
}
