package org.modkern.dev.vnd;

import java.util.Arrays;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.OpenFile;

/**
 * A file in memory, as Kernel.openFile would give it: writes past the end extend it, reads past it
 * return 0. {@code maxIo} caps each call to test short transfers; {@code revoked} makes every call
 * EBADF as after a forced unmount.
 */
final class FakeOpenFile implements OpenFile {
    final String path;
    final boolean writable;
    byte[] data;
    int maxIo = Integer.MAX_VALUE;
    boolean revoked;
    boolean closed;
    int fsyncs;
    ErrnoException fsyncError;

    FakeOpenFile(String path, int size, boolean writable) {
        this.path = path;
        this.data = new byte[size];
        this.writable = writable;
    }

    private void check() throws ErrnoException {
        if (closed) {
            throw new AssertionError(path + " used after close");
        }
        if (revoked) {
            throw new ErrnoException(Errno.EBADF, "the file was revoked");
        }
    }

    @Override
    public int pread(byte[] buf, int off, int len, long offset) throws ErrnoException {
        check();
        int n = (int) Math.max(0, Math.min(Math.min(len, maxIo), data.length - offset));
        System.arraycopy(data, (int) offset, buf, off, n);
        return n;
    }

    @Override
    public int pwrite(byte[] buf, int off, int len, long offset) throws ErrnoException {
        check();
        if (!writable) {
            throw new ErrnoException(Errno.EBADF, path + " is open read-only");
        }
        int n = Math.min(len, maxIo);
        if (offset + n > data.length) {
            data = Arrays.copyOf(data, (int) (offset + n));
        }
        System.arraycopy(buf, off, data, (int) offset, n);
        return n;
    }

    @Override
    public long size() throws ErrnoException {
        check();
        return data.length;
    }

    @Override
    public void fsync() throws ErrnoException {
        check();
        if (fsyncError != null) {
            throw fsyncError;
        }
        fsyncs++;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() {
        if (closed) {
            throw new AssertionError(path + " closed twice");
        }
        closed = true;
    }
}
