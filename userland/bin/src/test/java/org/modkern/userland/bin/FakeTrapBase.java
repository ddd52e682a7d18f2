package org.modkern.userland.bin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Trap;

/**
 * What every fake kernel's trap does alike: a call that throws {@link Fail} returns -1 with its errno
 * and detail; the lent segments are read and written the way the kernel's copyin and copyout would,
 * an address outside them EFAULT.
 */
public abstract class FakeTrapBase implements Trap {
    static final int EFAULT = 14, ENAMETOOLONG = 63;
    /** The longest path the fakes take (MAXPATHLEN). */
    protected static final int MAXPATHLEN = 1024;

    /** An errno thrown inside a system call, with what the kernel says about it (may be null). */
    public static class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int errno;
        public final String detail;

        public Fail(int errno) {
            this(errno, null);
        }

        public Fail(int errno, String detail) {
            super(detail, null, false, false);
            this.errno = errno;
            this.detail = detail;
        }
    }

    protected final byte[][] segs = new byte[SEGMENTS][];
    private int errno;
    private String detail;

    /** The system call {@code code}; a {@link Fail} thrown is its failure. */
    protected abstract long call(int code, long a0, long a1, long a2, long a3, long a4, long a5);

    @Override
    public final long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
        errno = 0;
        detail = null;
        try {
            return call(code, a0, a1, a2, a3, a4, a5);
        } catch (Fail f) {
            errno = f.errno;
            detail = f.detail;
            return -1;
        }
    }

    @Override
    public void lend(int seg, byte[] buf) {
        segs[seg] = buf;
    }

    @Override
    public int errno() {
        return errno;
    }

    @Override
    public String errorDetail() {
        return detail;
    }

    // ---- user memory ---------------------------------------------------------------------------

    /** The segment holding {@code len} bytes at {@code addr}; EFAULT unless they are all lent. */
    public byte[] seg(long addr, int len) {
        int s = (int) (addr >>> 32) - 1;
        int off = off(addr);
        if (s < 0 || s >= SEGMENTS || segs[s] == null || off < 0 || len < 0 || off + len > segs[s].length) {
            throw new Fail(EFAULT, "address 0x" + Long.toHexString(addr) + " is not in lent memory");
        }
        return segs[s];
    }

    /** The segment {@code addr} points into. */
    protected byte[] seg(long addr) {
        return seg(addr, 0);
    }

    /** Where in its segment {@code addr} points. */
    protected static int off(long addr) {
        return (int) addr;
    }

    /** The lent memory from {@code addr} to the end of its segment, little-endian as the ABI is. */
    protected ByteBuffer buf(long addr) {
        byte[] s = seg(addr);
        return ByteBuffer.wrap(s, off(addr), s.length - off(addr)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of {@code len} bytes at {@code addr}. */
    public ByteBuffer copyin(long addr, int len) {
        byte[] b = new byte[len];
        System.arraycopy(seg(addr, len), off(addr), b, 0, len);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes {@code b} at {@code addr}. */
    public void copyout(byte[] b, long addr) {
        System.arraycopy(b, 0, seg(addr, b.length), off(addr), b.length);
    }

    /** A path at {@code addr}: NUL-terminated, at most MAXPATHLEN bytes with the NUL. */
    protected String str(long addr) {
        return str(addr, MAXPATHLEN);
    }

    /** The NUL-terminated string at {@code addr}, shorter than {@code max}: EFAULT for NULL, else ENAMETOOLONG. */
    public String str(long addr, int max) {
        if (addr == 0) {
            throw new Fail(EFAULT, "NULL string");
        }
        byte[] s = seg(addr, 1);
        int at = off(addr);
        int end = at;
        while (end < s.length && s[end] != 0) {
            end++;
            if (end - at >= max) {
                throw new Fail(ENAMETOOLONG, "string longer than " + (max - 1));
            }
        }
        return new String(s, at, end - at, StandardCharsets.UTF_8);
    }

    /** A vector of strings as libc lends argv and envp: a count, then each length and its bytes. */
    protected String[] strings(long addr) {
        ByteBuffer b = buf(addr);
        String[] v = new String[b.getInt()];
        for (int i = 0; i < v.length; i++) {
            byte[] s = new byte[b.getInt()];
            b.get(s);
            v[i] = new String(s, StandardCharsets.UTF_8);
        }
        return v;
    }

    /** One of posix_spawn's file actions: open (1) of path as fd, dup2 (2) of fd to newfd, close (3) of fd. */
    public record SpawnAction(int op, int fd, int newfd, int oflag, int mode, String path) {
        public static final int OPEN = 1, DUP2 = 2, CLOSE = 3;
    }

    /** The file actions libc lends posix_spawn at {@code addr} (NULL: none): a count, then the records. */
    protected List<SpawnAction> spawnActions(long addr) {
        List<SpawnAction> v = new ArrayList<>();
        if (addr == 0) {
            return v;
        }
        ByteBuffer b = buf(addr);
        for (int count = b.getInt(); count > 0; count--) {
            int op = b.getInt(), fd = b.getInt(), newfd = b.getInt(), oflag = b.getInt(), mode = b.getInt();
            byte[] path = new byte[b.getInt()];
            b.get(path);
            v.add(new SpawnAction(op, fd, newfd, oflag, mode, new String(path, StandardCharsets.UTF_8)));
        }
        return v;
    }

    /** Puts {@code o} in the lowest free slot of a descriptor table; that descriptor. */
    public static <T> int install(Map<Integer, T> fds, T o) {
        int fd = 0;
        while (fds.containsKey(fd)) {
            fd++;
        }
        fds.put(fd, o);
        return fd;
    }
}
