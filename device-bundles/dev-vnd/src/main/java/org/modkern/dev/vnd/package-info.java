/**
 * The vnode disk (NetBSD's vnd(4)): units 0..3 (minor = unit), each able to attach a regular file
 * of the emulated system (one on a hostfs mount is how a host file becomes a disk) as a block
 * device (bdevsw major 14) and its raw twin (cdevsw major 41), both named {@code vnd}. The disk's
 * size is the file's size rounded down to 512-byte blocks; reads and writes go straight through
 * to the file, and a write past the size is ENOSPC. The file is opened with the permissions of the
 * process making the attach ioctl and counts as an open file of its mount.
 *
 * <p>ioctls on the raw device, NetBSD's names over our own layouts (little-endian):
 * <pre>
 * struct vnd_ioctl {            // 24 bytes
 *     uint64_t vnd_file;        // in: user address of the file's path, NUL-terminated
 *     uint32_t vnd_flags;       // in: VNDIOF_READONLY 0x2 (attach read-only)
 *     uint32_t vnd_pad;
 *     uint64_t vnd_size;        // out (VNDIOCSET): the disk's size in bytes
 * };
 * struct vnd_user {             // 32 bytes
 *     int32_t  vnu_unit;        // in: the unit asked about, -1 = the one the ioctl is made on
 *     uint32_t vnu_flags;       // out: VNU_INUSE 0x1 when attached, VNDIOF_READONLY 0x2
 *     uint64_t vnu_size;        // out: the size in bytes, 0 when not in use
 *     uint64_t vnu_path;        // in: user address of a buffer for the file's path, or 0
 *     uint32_t vnu_pathlen;     // in: that buffer's length; out: the path's length (without NUL);
 *                               //     the path is copied NUL-terminated, cut to fit the buffer
 *     uint32_t vnu_pad;
 * };
 * VNDIOCSET  _IOWR('F', 0, struct vnd_ioctl)  0xc0184600  attach; EBUSY if attached
 * VNDIOCCLR  _IOW('F', 1, struct vnd_ioctl)   0x80184601  flush (fsync) and detach; ENXIO if not attached
 * VNDIOCGET  _IOWR('F', 3, struct vnd_user)   0xc0204603  ENXIO for a unit that does not exist
 * </pre>
 * VNDIOCSET and VNDIOCCLR need the raw device open for writing (EBADF). VNDIOCCLR fails with
 * EBUSY while the unit's block device is open (a file system mounted on it) or its raw device is
 * open by another file than the one the ioctl is made on. Opening the block device of a unit that
 * is not attached is ENXIO; the raw device opens so that it can be attached.
 *
 * <p>Locking: each unit has a read-write lock; I/O holds it for reading, attach and detach for
 * writing (a detach waits for transfers in progress). The file system is called with it held.
 */
@Header(name = "Modkern-Module", value = "vnd")
@Header(name = "Modkern-Module-Type", value = "dev")
package org.modkern.dev.vnd;

import org.osgi.annotation.bundle.Header;
