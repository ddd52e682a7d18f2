/**
 * The memory disk (NetBSD's md(4)): units 0..3 (minor = unit), each a disk of a configured size
 * kept in memory, as a block device (bdevsw major 17) and its raw twin (cdevsw major 24), both
 * named {@code md}. Storage is 4 KiB pages allocated on first write; untouched parts read as zeros.
 *
 * <p>Sizes come from ConfigAdmin (pid {@code org.modkern.dev.md}: {@code md0.size} ..
 * {@code md3.size} in bytes with an optional k, m or g suffix, and {@code max}, the largest size of
 * a unit, default 64m) or from the MD_SETCONF ioctl on the raw device, which /sbin/mdconfig uses.
 * A size must be a multiple of 512; 0 unconfigures the unit (its data is dropped). A unit keeps
 * the data below its new size when it is resized.
 *
 * <p>ioctls on the raw device (our own layout, not NetBSD's {@code struct md_conf}):
 * <pre>
 * struct md_conf {          // 8 bytes, little-endian
 *     uint64_t md_size;     // the unit's size in bytes; 0 = not configured
 * };
 * MD_SETCONF  _IOW('m', 1, struct md_conf)  0x80086d01   needs the device open for writing (EBADF)
 * MD_GETCONF  _IOR('m', 2, struct md_conf)  0x40086d02
 * </pre>
 * MD_SETCONF fails with EBUSY while the unit's block device is open or its raw device is open by
 * another file than the one the ioctl is made on, and EINVAL for a size over {@code max} or not a
 * multiple of 512. Opening the block device of an unconfigured unit, or reading and writing its
 * raw device, is ENXIO; the raw device itself opens so that it can be configured.
 *
 * <p>Locking: each unit's monitor guards its size, pages and open counts; nothing else is locked.
 */
@Header(name = "Modkern-Module", value = "md")
@Header(name = "Modkern-Module-Type", value = "dev")
package org.modkern.dev.md;

import org.osgi.annotation.bundle.Header;
