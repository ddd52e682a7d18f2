package org.modkern.kernel.internal.vfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * NetBSD's amd64 {@code struct stat} (the __stat50 layout, 152 bytes, little-endian), as the
 * native emulation's stat, lstat and fstat copy it out.
 */
public final class StatCodec {
    private StatCodec() {}

    public static final int SIZE = 152;

    public static byte[] encode(Vattr va, long dev) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        VType t = va.type == null ? VType.VREG : va.type;
        b.putLong(0, dev);
        b.putInt(8, (int) (t.ifmt() | (va.mode & 07777)));
        b.putLong(16, va.fileid);
        b.putInt(24, (int) Math.max(va.nlink, 0));
        b.putInt(28, (int) va.uid);
        b.putInt(32, (int) va.gid);
        b.putLong(40, va.rdev == Vattr.VNOVAL ? 0 : va.rdev);
        putTime(b, 48, va.atime);
        putTime(b, 64, va.mtime);
        putTime(b, 80, va.ctime);
        putTime(b, 96, va.birthtime == Vattr.VNOVAL ? va.ctime : va.birthtime);
        long size = Math.max(va.size, 0);
        b.putLong(112, size);
        long bytes = va.bytes == Vattr.VNOVAL ? size : va.bytes;
        b.putLong(120, (bytes + 511) / 512);
        b.putInt(128, (int) (va.blocksize == Vattr.VNOVAL ? 4096 : va.blocksize));
        b.putInt(132, (int) (va.flags == Vattr.VNOVAL ? 0 : va.flags));
        b.putInt(136, (int) (va.gen == Vattr.VNOVAL ? 0 : va.gen));
        return b.array();
    }

    private static void putTime(ByteBuffer b, int at, long nanos) {
        long t = nanos == Vattr.VNOVAL ? 0 : nanos;
        b.putLong(at, Math.floorDiv(t, 1_000_000_000L));
        b.putLong(at + 8, Math.floorMod(t, 1_000_000_000L));
    }
}
