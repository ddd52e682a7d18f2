package org.modkern.kern;

import java.util.List;

/**
 * A snapshot of one process, as ps and procfs show it. Taken without stopping the process: each
 * field is read once, so a snapshot of a process that is changing may mix before and after.
 *
 * @param state 'R' running (or asleep in a call), 'Z' a zombie not yet reaped, 'E' being created
 * @param cwd the working directory's path, or null when it cannot be named (removed)
 * @param files the open descriptors, lowest first
 */
public record ProcInfo(int pid, int ppid, String comm, List<String> argv, int uid, int gid, char state,
        String emulation, long startMillis, String cwd, List<FileInfo> files) {

    /**
     * One open descriptor.
     *
     * @param kind what the file is: "regular file", "directory", "pipe", "character device" ...
     * @param path the path it was opened by, or null (pipes)
     * @param fflags FREAD 1 | FWRITE 2 | FNONBLOCK 4 | FAPPEND 8
     * @param offset the file offset, or -1 where there is none
     */
    public record FileInfo(int fd, String kind, String path, int fflags, long offset) {}
}
