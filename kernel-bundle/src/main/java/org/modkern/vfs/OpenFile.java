package org.modkern.vfs;

import org.modkern.kern.ErrnoException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A file of the emulated system opened by kernel code (a driver backing a device with a file, as
 * vnd does). It counts as an open file of its mount: unmount refuses while it is open, and a forced
 * unmount revokes it (later calls fail with EBADF).
 */
@ProviderType
public interface OpenFile extends AutoCloseable {
    /** Reads at {@code offset}; returns the bytes read, 0 at end of file. */
    int pread(byte[] buf, int off, int len, long offset) throws ErrnoException;

    /** Writes at {@code offset}; returns the bytes written. */
    int pwrite(byte[] buf, int off, int len, long offset) throws ErrnoException;

    /** The file's size in bytes. */
    long size() throws ErrnoException;

    void fsync() throws ErrnoException;

    /** The path it was opened by. */
    String path();

    @Override
    void close() throws ErrnoException;
}
