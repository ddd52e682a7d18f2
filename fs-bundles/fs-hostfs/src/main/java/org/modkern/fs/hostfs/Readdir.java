package org.modkern.fs.hostfs;

import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;

/**
 * readdir of a host directory with {@link DirCookies}: the names from the cookie on are read and
 * put in cookie order, then offered in batches, each batch stat'ed (without following links) under
 * the namespace lock and offered to the sink without it.
 */
final class Readdir {
    private Readdir() {}

    private static final int BATCH = 64;

    private record Name(long cookie, String name) {}

    private record Entry(long cookie, String name, long fileno, VType type) {}

    static long list(HostfsDir dir, long cookie, DirentSink sink) throws ErrnoException {
        if (cookie < 0) {
            return -1;
        }
        HostfsMount m = dir.mount;
        long from = Math.max(cookie, DirCookies.FIRST);
        long[] ids = new long[2];
        List<Name> names = m.shared(dir, null, () -> {
            if (cookie <= DirCookies.DOTDOT) {
                ids[0] = dir.locate().stat().fileid();
                ids[1] = parentId(dir, ids[0]);
            }
            List<Name> out = new ArrayList<>();
            try (DirectoryStream<Path> ds = dir.open()) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    long c = DirCookies.of(n);
                    if (c >= from) {
                        out.add(new Name(c, n));
                    }
                }
            }
            out.sort(Comparator.comparingLong(Name::cookie).thenComparing(Name::name));
            return out;
        });
        // On a refusal, return the place after the last entry taken (the sink's last next).
        long resume = cookie;
        if (cookie == DirCookies.DOT) {
            if (!sink.accept(ids[0], VType.VDIR, ".", DirCookies.DOTDOT)) {
                return resume;
            }
            resume = DirCookies.DOTDOT;
        }
        if (cookie <= DirCookies.DOTDOT) {
            if (!sink.accept(ids[1], VType.VDIR, "..", DirCookies.FIRST)) {
                return resume;
            }
            resume = DirCookies.FIRST;
        }
        for (int i = 0; i < names.size(); i += BATCH) {
            List<Name> batch = names.subList(i, Math.min(names.size(), i + BATCH));
            List<Entry> entries = m.shared(dir, null, () -> {
                Path p = dir.locate().path();
                List<Entry> out = new ArrayList<>(batch.size());
                for (Name n : batch) {
                    HostStat st = dir.entryStat(p, n.name());
                    if (st != null) {
                        out.add(new Entry(n.cookie(), n.name(), st.fileid(), st.type()));
                    }
                }
                return out;
            });
            for (Entry e : entries) {
                if (!sink.accept(e.fileno(), e.type(), e.name(), e.cookie() + 1)) {
                    return resume;
                }
                resume = e.cookie() + 1;
            }
        }
        return -1;
    }

    /** The file id of "..": the root's own for the root, its own when the parent cannot be read. */
    private static long parentId(HostfsDir dir, long own) {
        HostfsNode parent = (HostfsNode) dir.parent();
        if (parent == dir) {
            return own;
        }
        try {
            return parent.locate().stat().fileid();
        } catch (Exception e) {
            return own;
        }
    }
}
