package org.modkern.kernel.internal.sys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.proc.ProcessTable;
import org.modkern.kernel.internal.vfs.Mount;
import org.modkern.kernel.internal.vfs.MountTable;
import org.modkern.kernel.internal.vfs.Mounter;
import org.modkern.kernel.internal.vfs.Namei;
import org.modkern.kernel.internal.vfs.StatvfsCodec;

/** The mount calls: __mount50, unmount, getvfsstat, statvfs1. */
public final class SysMount {
    private final Mounter mounter;
    private final MountTable mounts;
    private final Namei namei;
    private final ProcessTable procs;

    public SysMount(Mounter mounter, MountTable mounts, Namei namei, ProcessTable procs) {
        this.mounter = mounter;
        this.mounts = mounts;
        this.namei = namei;
        this.procs = procs;
    }

    /**
     * Implements __mount50(2): (type, path, flags, data, data_len). In the native ABI data is the
     * option text "name=value,flag,..."; the option from=SOURCE names what is mounted.
     */
    public long mount(Proc proc, SyscallArgs a) throws ErrnoException {
        String type = UserIo.path(proc, a.word(0));
        String path = UserIo.path(proc, a.word(1));
        int len = SysFile.count(a, 4);
        if (len > 4096) {
            throw new ErrnoException(Errno.EINVAL, "mount options of " + len + " bytes");
        }
        byte[] data = new byte[len];
        if (len > 0) {
            proc.userSpace().copyin(a.word(3), data, 0, len);
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        String source = null;
        for (String o : new String(data, StandardCharsets.UTF_8).replace("\0", "").split(",")) {
            if (o.isBlank()) {
                continue;
            }
            int eq = o.indexOf('=');
            String k = eq < 0 ? o.trim() : o.substring(0, eq).trim();
            String v = eq < 0 ? "" : o.substring(eq + 1).trim();
            if (k.equals("from")) {
                source = v;
            } else {
                options.put(k, v);
            }
        }
        mounter.mount(p(proc), type, source, path, a.i32(2), options);
        return 0;
    }

    /** Implements unmount(2): (path, flags). */
    public long unmount(Proc proc, SyscallArgs a) throws ErrnoException {
        mounter.unmount(p(proc), UserIo.path(proc, a.word(0)), a.i32(1), procs.list());
        return 0;
    }

    /**
     * Implements getvfsstat(2): (buf, bufsize, flags): fills as many statvfs records as fit and
     * returns how many file systems are mounted; with a NULL buf only the count.
     */
    public long getvfsstat(Proc proc, SyscallArgs a) throws ErrnoException {
        List<Mount> all = mounts.mounts();
        if (a.word(0) == 0) {
            return all.size();
        }
        long room = a.word(1) / StatvfsCodec.SIZE;
        int n = 0;
        for (Mount m : all) {
            if (n >= room) {
                break;
            }
            byte[] rec = StatvfsCodec.encode(m);
            proc.userSpace().copyout(rec, 0, a.word(0) + (long) n * StatvfsCodec.SIZE, rec.length);
            n++;
        }
        return n;
    }

    /** Implements statvfs1(2): (path, buf, flags): the figures of the file system holding path. */
    public long statvfs(Proc proc, SyscallArgs a) throws ErrnoException {
        String path = UserIo.path(proc, a.word(0));
        Mount m = namei.lookup(((ProcImpl) proc).nameiCtx(), path, true).mount();
        byte[] rec = StatvfsCodec.encode(m);
        proc.userSpace().copyout(rec, 0, a.word(1), rec.length);
        return 0;
    }

    private static ProcImpl p(Proc p) {
        return (ProcImpl) p;
    }
}
