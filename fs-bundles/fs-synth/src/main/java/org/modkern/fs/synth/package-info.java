/**
 * What the synthetic file systems (procfs, kernfs) share: nodes whose contents are made from the
 * kernel's state at each call rather than stored.
 * <ul>
 *   <li>{@link org.modkern.fs.synth.SynthNode}: a node's file id, type, parent and path; its
 *       attributes (owned by root, times given); attribute changes accepted and ignored, writes
 *       EOPNOTSUPP; generated text read at an offset;
 *   <li>{@link org.modkern.fs.synth.SynthDir}: a directory whose entries are the kernel's, so
 *       nothing is made or removed in it (EOPNOTSUPP; links EROFS; reads EISDIR);
 *   <li>{@link org.modkern.fs.synth.Readdir} and {@link org.modkern.fs.synth.Dirent}: readdir over
 *       entries that each sit at a cookie of their own, with the cookie rules of
 *       {@link org.modkern.vfs.Vnode#readdir};
 *   <li>{@link org.modkern.fs.synth.KernelGuard}: calls into the kernel from a vnode operation, a
 *       Java exception turned into EIO.
 * </ul>
 *
 * <p>This is a plain library, not a bundle: each file system copies these classes into its own
 * bundle (bnd {@code -conditionalpackage: org.modkern.fs.synth.*}) and imports nothing from here,
 * so there is no versioned API to keep and no bundle to install. Messages begin with the file
 * system's name ("procfs: 5/status cannot be written").
 */
package org.modkern.fs.synth;
