package org.modkern.kernel.internal.vfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;

/**
 * The native ABI's struct statvfs: NetBSD's fields in a layout of our own (docs/ARCHITECTURE.md),
 * 2176 bytes little-endian: twelve u64 (flag, bsize, frsize, iosize, blocks, bfree, bavail, files,
 * ffree, favail, fsid, namemax), then fstypename[32], mntonname[1024], mntfromname[1024].
 */
public final class StatvfsCodec {
    private StatvfsCodec() {}

    public static final int SIZE = 2176;
    private static final int NAMEMAX = 511;

    public static byte[] encode(Mount m) throws ErrnoException {
        Statfs sf = new Statfs();
        m.vfs().statfs(sf);
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long[] words = {m.flags(), sf.bsize, sf.bsize, sf.bsize, sf.blocks, sf.bfree, sf.bfree, sf.files,
            sf.ffree, sf.ffree, m.devId(), NAMEMAX};
        for (long w : words) {
            b.putLong(w);
        }
        putString(b, 96, m.type(), 32);
        putString(b, 128, m.path(), 1024);
        putString(b, 1152, m.source() == null ? m.type() : m.source(), 1024);
        return b.array();
    }

    private static void putString(ByteBuffer b, int at, String s, int max) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.put(at, bytes, 0, Math.min(bytes.length, max - 1));
    }
}
