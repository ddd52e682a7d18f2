/**
 * hostfs: a folder of the host machine mounted into the emulated system, registered as the
 * file-system type {@code hostfs} ({@code mount -t hostfs -o ro /host/path /mnt}).
 *
 * <p>Mount: the source is an absolute host path naming a directory; options {@code ro} (also
 * MNT_RDONLY in the flags) and {@code rw} (the default). Host attributes are reported as they
 * are: owner (numeric uid/gid where the host has them), permission bits, times, the inode number
 * as the file id. hostfs cannot change owners (EPERM), will not make set-id files on the host
 * (EPERM), cannot hold device nodes (mknod: EOPNOTSUPP) and never opens the host's own device
 * nodes, FIFOs or sockets: they are listed and stat'ed, nothing more.
 *
 * <p><b>Confinement.</b> Nothing done through a mount may reach outside its folder.
 * <ul>
 * <li>The kernel hands in single names; hostfs refuses "", ".", "..", and names with '/' or NUL
 * (EINVAL) all the same.</li>
 * <li>The host never follows a symbolic link for hostfs: attributes are read and files opened
 * with NOFOLLOW_LINKS, and host links are VLNK vnodes whose readlink returns the link text,
 * which the kernel resolves in the emulated namespace.</li>
 * <li>A vnode knows its parent and name, not a host path: its path is rebuilt from the root at
 * each operation, so renames carry whole subtrees along. Before each host call the directories
 * on the way are checked to be real directories where we left them (the real path of the
 * parent equals its path from the root) and the node itself is checked with NOFOLLOW to be of
 * the same type and file key as when it was looked up. A directory replaced by a symbolic link
 * or another file makes every stale vnode below it fail with ESTALE, the error NFS gives for a
 * file handle whose file is gone.</li>
 * </ul>
 *
 * <p>Residual race: Java has no openat-style calls for every operation (mkdir, symlink, link,
 * rename), so a check and its host call are two steps. Emulated processes cannot use the gap:
 * every hostfs operation runs under a namespace lock shared by all hostfs mounts of this bundle
 * (checks and host calls under the read lock; remove, rmdir and rename, which change where
 * vnodes are, under the write lock). A process on the host itself that can write into the
 * mounted folder could still swap a directory for a symbolic link between a check and the call;
 * such a process can already write what it likes there.
 *
 * <p>Readdir cookies: 0 is ".", 1 is "..", every other entry's cookie is a 62-bit hash of its
 * name plus 2, and entries are listed in cookie order. A cookie thus names a place in the
 * directory, not a position in a listing: resuming after adds and removes neither repeats nor
 * skips an entry that stayed (see {@link org.modkern.fs.hostfs.DirCookies}).
 *
 * <p>Vnodes: each directory caches its children weakly by name, so one host file reached by
 * one path is one Vnode while anybody holds it (the kernel compares vnodes by identity). An
 * open regular file keeps one host FileChannel, so it stays readable and writable after it is
 * renamed or removed, as on Unix.
 *
 * <p>Locking: the namespace lock, then a directory's child cache monitor or a file's channel
 * monitor. No lock is held while a readdir sink runs.
 */
@Header(name = "Modkern-Module", value = "hostfs")
@Header(name = "Modkern-Module-Type", value = "vfs")
package org.modkern.fs.hostfs;

import org.osgi.annotation.bundle.Header;
