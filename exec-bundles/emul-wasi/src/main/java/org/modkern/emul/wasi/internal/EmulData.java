package org.modkern.emul.wasi.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.modkern.emul.wasi.WasiUserSpace;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.UserSpace;

/**
 * The emulation's data for one WASI process (BSD's p_emuldata), installed as the process's user
 * memory at its first call: addresses below 2^32 are the program's linear memory, and from
 * {@link #GAP} on lies the stack gap (BSD's compat stackgap), kernel-owned scratch memory where
 * native structures (struct stat, dirents, NUL-terminated paths) are built and read back while a
 * WASI call is translated. An exec replaces the user memory, and with it this data.
 */
final class EmulData implements UserSpace {
    /** Where the stack gap starts: above any linear memory (which ends by 2^32). */
    static final long GAP = 1L << 40;
    /** Gap offsets of the call's scratch areas: two paths (rename, link), then data. */
    static final int PATH1 = 0, PATH2 = 1100, DATA = 2200;
    static final int PATH_MAX = 1024;

    final WasiUserSpace user;
    /** The native calls' argument block (the WASI call's own block belongs to the trap). */
    final SyscallArgs args = new SyscallArgs();
    /** Preopened directories: descriptor to the name the program is told. */
    final Map<Integer, String> preopens = new TreeMap<>();
    /** Directory listings read for fd_readdir, by descriptor. */
    final Map<Integer, Dirents.Listing> listings = new HashMap<>();
    /** The working directory's path when the program started (the kernel's cwd of the process). */
    String cwd;
    private byte[] gap = new byte[DATA + 512];
    private final byte[] word = new byte[8];

    EmulData(WasiUserSpace user) {
        this.user = user;
    }

    /**
     * The data of {@code p}: made, with the preopened directories, at the first call of a process.
     * EINVAL when its exec format did not give it WASI user memory.
     */
    static EmulData of(Proc p, Native n) throws ErrnoException {
        UserSpace s = p.userSpace();
        if (s instanceof EmulData d) {
            return d;
        }
        if (!(s instanceof WasiUserSpace u)) {
            throw new ErrnoException(Errno.EINVAL, "process " + p.pid() + " runs under the wasi emulation, but "
                    + "its exec format gave it no WASI user memory");
        }
        EmulData d = new EmulData(u);
        p.setUserSpace(d);
        Preopens.open(p, n, d);
        return d;
    }

    // ---- user memory ---------------------------------------------------------------------------

    @Override
    public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
        if (uaddr >= GAP) {
            System.arraycopy(gap, gapOffset(uaddr, len), dst, off, len);
        } else {
            user.copyin(uaddr, dst, off, len);
        }
    }

    @Override
    public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
        if (uaddr >= GAP) {
            System.arraycopy(src, off, gap, gapOffset(uaddr, len), len);
        } else {
            user.copyout(src, off, uaddr, len);
        }
    }

    @Override
    public int strlen(long uaddr, int max) throws ErrnoException {
        if (uaddr < GAP) {
            return user.strlen(uaddr, max);
        }
        int start = gapOffset(uaddr, 0);
        int end = (int) Math.min(gap.length, (long) start + max);
        for (int i = start; i < end; i++) {
            if (gap[i] == 0) {
                return i - start;
            }
        }
        throw new ErrnoException(Errno.ENAMETOOLONG, "string longer than " + max + " bytes");
    }

    private int gapOffset(long uaddr, int len) throws ErrnoException {
        long off = uaddr - GAP;
        if (len < 0 || off + len > gap.length) {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr) + " + " + len
                    + " runs past the stack gap");
        }
        return (int) off;
    }

    // ---- the stack gap ------------------------------------------------------------------------

    /** The gap's address of offset {@code off}, with {@code len} bytes there. */
    long gap(int off, int len) {
        if (off + len > gap.length) {
            gap = java.util.Arrays.copyOf(gap, Math.max(off + len, gap.length * 2));
        }
        return GAP + off;
    }

    /** The gap's bytes (valid until the next {@link #gap} call that grows it). */
    byte[] gapBytes() {
        return gap;
    }

    /** Puts {@code path} NUL-terminated at gap offset {@code off}; its address. */
    long putPath(String path, int off) throws ErrnoException {
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        if (b.length >= PATH_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, path.substring(0, 40) + "...: path longer than "
                    + (PATH_MAX - 1) + " bytes");
        }
        long at = gap(off, b.length + 1);
        System.arraycopy(b, 0, gap, off, b.length);
        gap[off + b.length] = 0;
        return at;
    }

    long gapLong(int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (gap[off + i] & 0xff);
        }
        return v;
    }

    int gapInt(int off) {
        return (gap[off] & 0xff) | (gap[off + 1] & 0xff) << 8 | (gap[off + 2] & 0xff) << 16 | (gap[off + 3] & 0xff) << 24;
    }

    // ---- the program's memory -----------------------------------------------------------------

    int u32(long addr) throws ErrnoException {
        user.copyin(addr, word, 0, 4);
        return (word[0] & 0xff) | (word[1] & 0xff) << 8 | (word[2] & 0xff) << 16 | (word[3] & 0xff) << 24;
    }

    long u64(long addr) throws ErrnoException {
        user.copyin(addr, word, 0, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (word[i] & 0xff);
        }
        return v;
    }

    void putU32(long addr, long v) throws ErrnoException {
        for (int i = 0; i < 4; i++) {
            word[i] = (byte) (v >>> (8 * i));
        }
        user.copyout(word, 0, addr, 4);
    }

    void putU64(long addr, long v) throws ErrnoException {
        for (int i = 0; i < 8; i++) {
            word[i] = (byte) (v >>> (8 * i));
        }
        user.copyout(word, 0, addr, 8);
    }

    void put(long addr, byte[] b, int len) throws ErrnoException {
        user.copyout(b, 0, addr, len);
    }

    /** A WASI string (address and length, no NUL) as UTF-8; EILSEQ for a NUL inside it. */
    String string(long addr, int len) throws ErrnoException {
        if (len < 0 || len >= PATH_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, "path of " + Integer.toUnsignedString(len) + " bytes");
        }
        byte[] b = new byte[len];
        user.copyin(addr, b, 0, len);
        for (byte c : b) {
            if (c == 0) {
                throw new ErrnoException(Errno.EILSEQ, "a path with a NUL byte in it");
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Forgets what the emulation knew about descriptor {@code fd} (closed or replaced). */
    void forget(int fd) {
        preopens.remove(fd);
        listings.remove(fd);
    }
}
