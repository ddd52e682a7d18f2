package org.modkern.exec.nativefmt;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.UserSpace;
import org.modkern.libc.Trap;

/**
 * A native program's user memory: the arrays its libc lends, one per segment. Address
 * {@code (seg + 1) << 32 | off} is byte {@code off} of segment {@code seg}; anything else is EFAULT.
 */
final class LentMemory implements UserSpace {
    private final byte[][] segments = new byte[Trap.SEGMENTS][];

    void lend(int seg, byte[] buf) {
        if (seg < 0 || seg >= Trap.SEGMENTS) {
            throw new IllegalArgumentException("segment " + seg + " (0.." + (Trap.SEGMENTS - 1) + ")");
        }
        segments[seg] = buf;
    }

    private byte[] segment(long uaddr, long len) throws ErrnoException {
        int seg = (int) (uaddr >>> 32) - 1;
        long off = uaddr & 0xffffffffL;
        byte[] s = seg >= 0 && seg < Trap.SEGMENTS ? segments[seg] : null;
        if (s == null || len < 0 || off + len > s.length) {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr)
                    + (s == null ? " is not in lent memory" : " + " + len + " runs past its segment"));
        }
        return s;
    }

    @Override
    public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
        System.arraycopy(segment(uaddr, len), (int) uaddr, dst, off, len);
    }

    @Override
    public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
        System.arraycopy(src, off, segment(uaddr, len), (int) uaddr, len);
    }

    @Override
    public int strlen(long uaddr, int max) throws ErrnoException {
        byte[] s = segment(uaddr, 0);
        int start = (int) uaddr;
        int end = (int) Math.min(s.length, (long) start + max);
        for (int i = start; i < end; i++) {
            if (s[i] == 0) {
                return i - start;
            }
        }
        if (end - start >= max) {
            throw new ErrnoException(Errno.ENAMETOOLONG, "string longer than " + max + " bytes");
        }
        throw new ErrnoException(Errno.EFAULT, "string at 0x" + Long.toHexString(uaddr)
                + " is not NUL-terminated within its segment");
    }
}
