/**
 * tmpfs: a file system kept entirely in memory (NetBSD's tmpfs, gVisor's tmpfs), registered as the
 * file-system type {@code tmpfs}.
 *
 * <p>Mount options: {@code size=} (bytes, with an optional k, m or g suffix; default unlimited,
 * which is reported as half the JVM's maximum heap), {@code mode=} (octal, of the root; default
 * 0755), {@code uid=} and {@code gid=} (owner of the root).
 *
 * <p>Regular files keep their data in 4 KiB pages allocated on first write; holes read as zeros.
 * A mount charges its size limit with the pages in use plus a small fixed cost per node and per
 * directory entry; nodes are also limited in number.
 *
 * <p>Locking. Each mount has one read-write lock for its whole namespace: directory entries, the
 * link counts of all nodes and the parent of each directory (lookup, readdir and parent read it;
 * create, remove, link and rename write it). Each regular file has a read-write lock for its data:
 * pages, size and open count. Each node's monitor guards its attributes (mode, owner, times, link
 * count for readers). The order is: namespace lock, then file data lock, then node monitor; the
 * mount's space accounting is lock-free. No lock is held while a readdir sink runs.
 */
@Header(name = "Modkern-Module", value = "tmpfs")
@Header(name = "Modkern-Module-Type", value = "vfs")
package org.modkern.fs.tmpfs;

import org.osgi.annotation.bundle.Header;
