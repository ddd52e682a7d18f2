package org.modkern.kernel.internal.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modkern.exec.ExecImage;
import org.modkern.exec.ExecInterpreter;
import org.modkern.exec.ExecParams;
import org.modkern.exec.Execsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.Faults;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.sysent.SysentTable;
import org.modkern.kernel.internal.vfs.Access;
import org.modkern.kernel.internal.vfs.Namei;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * The exec switch (execsw[]): formats in probe order. Loading a file finds it, checks it may be
 * executed, reads its first bytes, and hands it to the first format that recognises them, under
 * the emulation that format declares.
 */
public final class ExecSwitch {
    public static final int HEADER = 512;
    /** The largest executable the kernel reads whole. */
    public static final int MAX_IMAGE = 64 << 20;

    /** One registered format. */
    public record Format(String name, String emul, int order, Execsw sw, String owner) {}

    /** A loaded image and what the process becomes when it runs it. */
    public record Loaded(ExecImage image, SysentTable sysent, Format format) {}

    private final Namei namei;
    private final EmulSwitch emuls;
    private final Faults faults;
    private volatile List<Format> formats = List.of();

    public ExecSwitch(Namei namei, EmulSwitch emuls, Faults faults) {
        this.namei = namei;
        this.emuls = emuls;
        this.faults = faults;
    }

    public synchronized void add(Format f) throws ErrnoException {
        for (Format g : formats) {
            if (g.name().equals(f.name())) {
                throw new ErrnoException(Errno.EEXIST, "exec format " + f.name()
                        + " is already registered by module " + g.owner());
            }
        }
        List<Format> l = new ArrayList<>(formats);
        l.add(f);
        l.sort(Comparator.comparingInt(Format::order));
        formats = List.copyOf(l);
    }

    public synchronized void remove(Format f) {
        List<Format> l = new ArrayList<>(formats);
        l.remove(f);
        formats = List.copyOf(l);
    }

    public List<Format> formats() {
        return formats;
    }

    /**
     * Loads {@code path} for process {@code p} without changing the process; a file run by an
     * interpreter ({@code #!}) loads the interpreter in its place.
     */
    public Loaded load(ProcImpl p, String path, String[] argv, String[] envp) throws ErrnoException {
        Loaded l = loadFile(p, path, argv, envp);
        String file = path;
        for (int depth = 1; l.image() instanceof ExecInterpreter next; depth++) {
            if (depth > ExecInterpreter.MAX_DEPTH) {
                throw new ErrnoException(Errno.ELOOP, path + ": more than " + ExecInterpreter.MAX_DEPTH
                        + " nested interpreters");
            }
            try {
                l = loadFile(p, next.path(), next.argv(), envp);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOENT) {
                    throw new ErrnoException(Errno.ENOENT, file + ": its interpreter " + next.path()
                            + " does not exist");
                }
                throw e;
            }
            file = next.path();
        }
        return l;
    }

    private Loaded loadFile(ProcImpl p, String path, String[] argv, String[] envp) throws ErrnoException {
        VnodeRef node = namei.lookup(p.nameiCtx(), path, true);
        Vnode vn = node.vnode();
        if (vn.type() != VType.VREG) {
            throw new ErrnoException(Errno.EACCES, path + ": not a regular file");
        }
        Access.check(p.cred(), vn, Access.VEXEC, path);
        byte[] header = new byte[HEADER];
        int n = vn.read(Uio.kernel(header, 0, HEADER, Uio.Rw.READ, 0), 0);
        for (Format f : formats) {
            boolean mine;
            try {
                mine = f.sw().probe(header, n);
            } catch (RuntimeException e) {
                throw faults.contain(e, f.owner(), "exec probe of " + f.name(), p);
            }
            if (!mine) {
                continue;
            }
            SysentTable sysent = emuls.sysent(f.emul());
            if (sysent == null) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": format " + f.name()
                        + " needs emulation " + f.emul() + ", which is not loaded");
            }
            Params params = new Params(path, argv, envp, header, n, vn, p);
            ExecImage image;
            try {
                image = f.sw().load(params);
            } catch (ErrnoException e) {
                throw e;
            } catch (RuntimeException e) {
                throw faults.contain(e, f.owner(), "exec load by " + f.name(), p);
            }
            return new Loaded(image, sysent, f);
        }
        List<String> names = new ArrayList<>();
        formats.forEach(f -> names.add(f.name()));
        throw new ErrnoException(Errno.ENOEXEC, path + ": not in a format of a loaded exec module "
                + (names.isEmpty() ? "(none is loaded)" : names.toString()));
    }

    private record Params(String path, String[] argv, String[] envp, byte[] header, int headerLen,
            Vnode vn, Proc proc) implements ExecParams {
        @Override
        public byte[] header() {
            return java.util.Arrays.copyOf(header, headerLen);
        }

        @Override
        public byte[] readAll() throws ErrnoException {
            Vattr va = new Vattr();
            vn.getattr(va);
            if (va.size > MAX_IMAGE) {
                throw new ErrnoException(Errno.EFBIG, path + ": " + va.size
                        + " bytes is more than the kernel loads (" + MAX_IMAGE + ")");
            }
            byte[] all = new byte[(int) va.size];
            int off = 0;
            while (off < all.length) {
                int r = vn.read(Uio.kernel(all, off, all.length - off, Uio.Rw.READ, off), 0);
                if (r <= 0) {
                    break;
                }
                off += r;
            }
            return off == all.length ? all : java.util.Arrays.copyOf(all, off);
        }
    }
}
