package org.modkern.kernel.internal.vfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vnode;

/**
 * NetBSD's {@code struct dirent} records for getdents: d_fileno (8 bytes), d_reclen (2),
 * d_namlen (2), d_type (1), the name and a NUL, padded to a multiple of 8.
 */
public final class DirentCodec {
    private DirentCodec() {}

    public static int reclen(int namlen) {
        return (8 + 2 + 2 + 1 + namlen + 1 + 7) & ~7;
    }

    /**
     * Fills {@code uio} with the entries of {@code dir} from {@code cookie[0]}, leaving there the
     * cookie to resume from.
     *
     * @return the number of bytes moved; 0 at the end of the directory
     */
    public static int fill(Vnode dir, long[] cookie, Uio uio) throws ErrnoException {
        if (cookie[0] < 0) {
            return 0;
        }
        int room = Math.min(uio.resid(), 65536);
        ByteBuffer out = ByteBuffer.allocate(room).order(ByteOrder.LITTLE_ENDIAN);
        long[] next = {cookie[0]};
        long end = dir.readdir(cookie[0], (fileno, type, name, after) -> {
            byte[] nb = name.getBytes(StandardCharsets.UTF_8);
            int len = reclen(nb.length);
            if (len > out.remaining()) {
                return false;
            }
            int at = out.position();
            out.putLong(fileno);
            out.putShort((short) len);
            out.putShort((short) nb.length);
            out.put((byte) type.dtype());
            out.put(nb);
            out.position(at + len);
            next[0] = after;
            return true;
        });
        if (out.position() == 0 && end >= 0) {
            throw new ErrnoException(Errno.EINVAL, "getdents buffer of " + uio.resid()
                    + " bytes is too small for the next entry");
        }
        // When the sink took everything, the directory is exhausted (-1); otherwise resume.
        cookie[0] = end < 0 ? -1 : next[0];
        return uio.move(out.array(), 0, out.position());
    }
}
