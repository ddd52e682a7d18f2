/**
 * procfs: the process file system (NetBSD's procfs, usually mounted on /proc), registered as the
 * file-system type {@code procfs}. It takes no mount options.
 *
 * <p>Layout. The root holds {@code curproc} and {@code self} (symbolic links to the calling
 * process's pid; reading them with no calling process is ENOENT), {@code modules} (the module
 * table as modstat(8) prints it; empty while no LKM facility offers a {@code ModuleList}), and one
 * directory per process, named by its decimal pid, listed by pid. Zombies are listed (their status
 * says {@code Z}) until they are reaped. A process directory holds:
 * <ul>
 *   <li>{@code cmdline}: the arguments, each followed by a NUL;
 *   <li>{@code cwd}: a symbolic link to the working directory (ENOENT when it has no name);
 *   <li>{@code emul}: the emulation's name and a newline;
 *   <li>{@code fd/}: one symbolic link per open descriptor, named by its number, to the path it was
 *       opened by, or {@code pipe:[N]} (N the descriptor) for a pipe and {@code KIND:[N]} for
 *       other files without a path;
 *   <li>{@code status}: one line, {@code comm pid ppid state uid gid emul start}, where state is
 *       R (running or asleep in a call), Z (zombie) or E (being created), emul is the emulation's
 *       name and start is the start time in seconds since the epoch; blanks in comm become
 *       {@code _} and a missing comm or emulation is {@code -}.
 * </ul>
 *
 * <p>Contents are generated at each read (and getattr, for the size) from a {@code ProcInfo}
 * snapshot; nothing here calls into a process or waits for one. Once a process has gone, its
 * directory's name is ENOENT and every node of it fails with ENOENT; a new process that reuses the
 * pid gets new nodes. Directory nodes are cached (per pid while the process lives) so that lookups
 * return the same objects, as getcwd needs.
 *
 * <p>Errors, as NetBSD's procfs: create, mknod, mkdir, remove, rmdir and rename are EOPNOTSUPP,
 * link and symlink EROFS, writes EOPNOTSUPP; attribute changes are accepted and ignored (so
 * open with O_TRUNC is not refused before the write is).
 *
 * <p>Re-entry. The kernel's snapshot of a process whose working directory lies inside procfs
 * names that directory by walking back up through procfs (readdir and lookup). Such calls come
 * back on the thread that asked for the snapshot; they are answered from the cached nodes and
 * their last snapshots instead of asking the kernel again, which would recurse without end.
 *
 * <p>Locking: none of our own beyond concurrent maps; no lock is held while a readdir sink runs
 * or while the kernel is asked for a snapshot.
 *
 * <p>What procfs shares with kernfs (the base node, the directory that refuses changes, readdir,
 * the guarded kernel call) is fs-synth's {@code org.modkern.fs.synth}, copied into this bundle by bnd.
 */
@Header(name = "Modkern-Module", value = "procfs")
@Header(name = "Modkern-Module-Type", value = "vfs")
package org.modkern.fs.procfs;

import org.osgi.annotation.bundle.Header;
