/**
 * kernfs: the kernel parameter file system (NetBSD's kernfs, usually mounted on /kern),
 * registered as the file-system type {@code kernfs}. It takes no mount options.
 *
 * <p>The root holds one file per kernel parameter, each one line of text generated at each read
 * (and getattr, for the size), as NetBSD's kernfs presents them:
 * <ul>
 *   <li>{@code boottime}: seconds since the epoch ({@code kern.boottime});
 *   <li>{@code copyright}: a one-line notice;
 *   <li>{@code hostname}: {@code kern.hostname}; the only writable file (0644, see below);
 *   <li>{@code hz}: 100; {@code pagesize}: 4096;
 *   <li>{@code msgbuf}: the kernel message buffer (dmesg), one message per line;
 *   <li>{@code ostype}, {@code osrelease}, {@code version}: {@code kern.ostype},
 *       {@code kern.osrelease}, {@code kern.version};
 *   <li>{@code securelevel}: the current securelevel;
 *   <li>{@code time}: "seconds microseconds" now.
 * </ul>
 * Every file ends with a newline (msgbuf is empty while there are no messages). Files are owned
 * by root; their times are now, except boottime's, which are the boot time.
 *
 * <p>Writing the host name: the whole new name in one write at offset 0 (a trailing newline is
 * dropped, as is anything from a NUL on), at most 256 bytes; it is set with the kern.hostname
 * sysctl on behalf of the writing process, so only root may (EPERM otherwise, besides the 0644
 * mode). Errors, as NetBSD's kernfs: a write at another offset is EINVAL, a longer one EIO, a write
 * to any other file EIO; attribute changes are accepted and ignored (so open with O_TRUNC works);
 * create, mknod, mkdir, remove, rmdir and rename are EOPNOTSUPP, link and symlink EROFS.
 *
 * <p>Nodes are made once per mount and hold no state; there are no locks. What kernfs shares with
 * procfs (the base node, the directory that refuses changes, readdir, the guarded kernel call) is
 * fs-synth's {@code org.modkern.fs.synth}, copied into this bundle by bnd.
 */
@Header(name = "Modkern-Module", value = "kernfs")
@Header(name = "Modkern-Module-Type", value = "vfs")
package org.modkern.fs.kernfs;

import org.osgi.annotation.bundle.Header;
