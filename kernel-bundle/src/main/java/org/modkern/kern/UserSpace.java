package org.modkern.kern;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A process's user memory as the kernel sees it: the only way bytes cross between a program and
 * the kernel (copyin/copyout in BSD). A native Java program lends its arrays as segments; a
 * foreign binary's linear memory or address space is user memory as it stands.
 */
@ConsumerType
public interface UserSpace {
    /** Copies {@code len} bytes from user address {@code uaddr}; EFAULT when out of range. */
    void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException;

    /** Copies {@code len} bytes to user address {@code uaddr}; EFAULT when out of range. */
    void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException;

    /**
     * The length of the NUL-terminated string at {@code uaddr}, looking at no more than
     * {@code max} bytes; ENAMETOOLONG when no NUL comes within them.
     */
    default int strlen(long uaddr, int max) throws ErrnoException {
        byte[] chunk = new byte[64];
        for (int n = 0; n < max; n += chunk.length) {
            int len = Math.min(chunk.length, max - n);
            copyin(uaddr + n, chunk, 0, len);
            for (int i = 0; i < len; i++) {
                if (chunk[i] == 0) {
                    return n + i;
                }
            }
        }
        throw new ErrnoException(Errno.ENAMETOOLONG, "string longer than " + max + " bytes");
    }

    /** User memory that is one array, address 0 being its first byte (kernel buffers, tests). */
    static UserSpace ofArray(byte[] mem) {
        return new UserSpace() {
            private void check(long uaddr, int len) throws ErrnoException {
                if (uaddr < 0 || len < 0 || uaddr + len > mem.length) {
                    throw new ErrnoException(Errno.EFAULT, "address " + uaddr + " of a " + mem.length
                            + "-byte buffer");
                }
            }

            @Override
            public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
                check(uaddr, len);
                System.arraycopy(mem, (int) uaddr, dst, off, len);
            }

            @Override
            public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
                check(uaddr, len);
                System.arraycopy(src, off, mem, (int) uaddr, len);
            }
        };
    }
}
