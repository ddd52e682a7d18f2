package org.modkern.emul.wasi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wasi emulation's system-call table, its syscalls.master: slot {@code n} of the {@code wasi}
 * sysent serves the import {@code wasi_snapshot_preview1.CALLS[n]}. The order is the one of the
 * preview-1 witx (and of wasi-libc's {@code wasi/api.h}).
 *
 * <p>The trap: an exec format puts the import's arguments in the process's {@code SyscallArgs} in
 * order, i32 values zero-extended (they are addresses, sizes and descriptors), i64 values as they
 * are, and calls {@code Proc.syscall(slot)}. A call returns 0 (WASI's ESUCCESS) or fails with a
 * native errno, which {@link WasiErrno#fromNative} turns into the function's result. Results other
 * than the errno are stored through the pointers the program passed, as WASI defines.
 */
public final class WasiAbi {
    private WasiAbi() {}

    /** The import module name of WASI preview 1. */
    public static final String MODULE = "wasi_snapshot_preview1";
    /** The emulation's name (Emul's {@code emul.name}, the {@code modkern.emul} capability). */
    public static final String EMUL = "wasi";

    /** The calls, by slot. */
    public static final List<String> CALLS = List.of(
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get",
            "clock_res_get", "clock_time_get",
            "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get",
            "fd_fdstat_set_flags", "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size",
            "fd_filestat_set_times", "fd_pread", "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite",
            "fd_read", "fd_readdir", "fd_renumber", "fd_seek", "fd_sync", "fd_tell", "fd_write",
            "path_create_directory", "path_filestat_get", "path_filestat_set_times", "path_link",
            "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
            "path_unlink_file",
            "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get",
            "sock_accept", "sock_recv", "sock_send", "sock_shutdown");

    private static final Map<String, Integer> SLOTS = new HashMap<>();

    static {
        for (int i = 0; i < CALLS.size(); i++) {
            SLOTS.put(CALLS.get(i), i);
        }
    }

    /** The slot of call {@code name}, or -1 when WASI preview 1 has no such call. */
    public static int slot(String name) {
        return SLOTS.getOrDefault(name, -1);
    }
}
