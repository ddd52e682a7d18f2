package org.modkern.kernel.internal.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kernel.internal.vfs.Namei;

/**
 * Typed copyin/copyout for handlers of the native ABI: little-endian words, path strings, and
 * the native string vector (u32 count, then per string u32 length and its bytes).
 */
public final class UserIo {
    private UserIo() {}

    /** ARG_MAX: the most bytes of arguments and environment one exec takes. */
    public static final int ARG_MAX = 262144;

    public static String path(Proc p, long uaddr) throws ErrnoException {
        if (uaddr == 0) {
            throw new ErrnoException(Errno.EFAULT, "NULL path");
        }
        return p.copyinstr(uaddr, Namei.PATH_MAX);
    }

    public static int readInt(Proc p, long uaddr) throws ErrnoException {
        byte[] b = new byte[4];
        p.userSpace().copyin(uaddr, b, 0, 4);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    public static void writeInt(Proc p, long uaddr, int v) throws ErrnoException {
        byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
        p.userSpace().copyout(b, 0, uaddr, 4);
    }

    public static void writeInts(Proc p, long uaddr, int a, int b) throws ErrnoException {
        byte[] buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(a).putInt(b).array();
        p.userSpace().copyout(buf, 0, uaddr, 8);
    }

    /** A string vector at {@code uaddr}; null for address 0. E2BIG past {@link #ARG_MAX}. */
    public static String[] strings(Proc p, long uaddr) throws ErrnoException {
        if (uaddr == 0) {
            return null;
        }
        int count = readInt(p, uaddr);
        if (count < 0 || count > ARG_MAX / 4) {
            throw new ErrnoException(Errno.E2BIG, count + " strings");
        }
        String[] out = new String[count];
        long at = uaddr + 4;
        long total = 0;
        for (int i = 0; i < count; i++) {
            int len = readInt(p, at);
            total += len + 4;
            if (len < 0 || total > ARG_MAX) {
                throw new ErrnoException(Errno.E2BIG, "arguments longer than ARG_MAX (" + ARG_MAX + ")");
            }
            byte[] b = new byte[len];
            p.userSpace().copyin(at + 4, b, 0, len);
            out[i] = new String(b, StandardCharsets.UTF_8);
            at += 4 + len;
        }
        return out;
    }
}
