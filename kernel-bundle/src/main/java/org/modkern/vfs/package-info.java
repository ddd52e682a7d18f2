/**
 * The virtual file system contracts: a file-system type ({@link org.modkern.vfs.VfsOps}) mounts
 * instances ({@link org.modkern.vfs.Vfs}) made of vnodes ({@link org.modkern.vfs.Vnode}).
 *
 * <p>A file system implements only the vnode operations it supports; the defaults fail with
 * EOPNOTSUPP (or ENOTDIR for directory operations), as NetBSD's vn_default_error does. The kernel
 * does path lookup, mount crossing, permission checks and descriptors; a file system never sees
 * a path, only names within a directory.
 */
@Export
@Version("1.1.0")
package org.modkern.vfs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
