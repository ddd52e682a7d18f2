package org.modkern.emul.wasi.internal;

import java.util.ArrayList;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;

/**
 * fd_readdir on getdents: WASI asks for entries from a cookie, which must be good for any entry
 * (readdir resumes after the last whole one when an entry did not fit). Native directory offsets
 * are the file system's own cookies and can only be rewound, so a read from cookie 0 (opendir,
 * rewinddir) rewinds and reads the whole directory into a listing, and a WASI cookie is the index
 * of the next entry in it. Entries come out as WASI dirents: d_next (8), d_ino (8), d_namlen (4),
 * d_type (1), padding to 24, then the name without a NUL; the last one may be cut off.
 */
final class Dirents {
    private Dirents() {}

    static final int HEADER = 24;
    private static final int CHUNK = 16384;

    /** A directory's entries as one read saw them. */
    record Listing(List<Long> inos, List<Integer> types, List<byte[]> names) {
        int size() {
            return names.size();
        }
    }

    /** The listing of directory {@code fd}: read now for cookie 0, else the one read before. */
    static Listing listing(Proc p, Native n, EmulData d, int fd, long cookie) throws ErrnoException {
        Listing l = d.listings.get(fd);
        if (cookie != 0 && l != null) {
            return l;
        }
        l = read(p, n, d, fd);
        d.listings.put(fd, l);
        return l;
    }

    private static Listing read(Proc p, Native n, EmulData d, int fd) throws ErrnoException {
        n.call(p, d, Native.LSEEK, fd, 0, 0, Native.SEEK_SET);
        Listing l = new Listing(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        while (true) {
            int got = (int) n.call(p, d, Native.GETDENTS, fd, d.gap(EmulData.DATA, CHUNK), CHUNK);
            if (got <= 0) {
                return l;
            }
            byte[] g = d.gapBytes();
            for (int at = EmulData.DATA; at < EmulData.DATA + got; ) {
                int reclen = (g[at + 8] & 0xff) | (g[at + 9] & 0xff) << 8;
                int namlen = (g[at + 10] & 0xff) | (g[at + 11] & 0xff) << 8;
                l.inos().add(WasiStat.getLong(g, at));
                l.types().add(WasiStat.filetypeOfDtype(g[at + 12] & 0xff));
                l.names().add(java.util.Arrays.copyOfRange(g, at + 13, at + 13 + namlen));
                if (reclen <= 0) {
                    return l;
                }
                at += reclen;
            }
        }
    }

    /**
     * The WASI dirents of {@code l} from entry {@code cookie}, at most {@code room} bytes (the
     * last one cut off when it does not fit, as fd_readdir allows).
     */
    static byte[] encode(Listing l, long cookie, int room) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.min(room, 4096));
        for (long i = Math.max(cookie, 0); i < l.size() && out.size() < room; i++) {
            byte[] name = l.names().get((int) i);
            byte[] e = new byte[HEADER + name.length];
            WasiStat.putLong(e, 0, i + 1);
            WasiStat.putLong(e, 8, l.inos().get((int) i));
            WasiStat.putInt(e, 16, name.length);
            e[20] = (byte) (int) l.types().get((int) i);
            System.arraycopy(name, 0, e, HEADER, name.length);
            out.write(e, 0, Math.min(e.length, room - out.size()));
        }
        return out.toByteArray();
    }
}
