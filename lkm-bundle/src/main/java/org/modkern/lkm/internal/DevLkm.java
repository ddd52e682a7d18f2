package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * /dev/lkm (lkm(4)): the reserve / load buffer / ready / unreserve / stat / unload ioctls over the
 * same transactions as the lkm: commands. One open at a time (a second gets EBUSY); opened
 * read-only it allows LMSTAT only; above securelevel 0, or for anyone but root, every writing
 * ioctl is EPERM. Closing it
 * with a reservation not made ready discards the reservation.
 */
@Component(service = Cdevsw.class, property = {"dev.name=lkm", "dev.major:Integer=-1"})
public final class DevLkm implements Cdevsw {
    private static final int FWRITE = 0x2;

    @Reference
    private LkmFacility lkm;

    private boolean open;
    private int reservedId = -1;
    private String reservedName;
    private long reservedSize;
    private ByteArrayOutputStream image;

    @Override
    public synchronized void open(int minor, int fflags, Proc p) throws ErrnoException {
        if (minor != 0) {
            throw new ErrnoException(Errno.ENXIO, "/dev/lkm has only minor 0, not " + minor);
        }
        if (open) {
            throw new ErrnoException(Errno.EBUSY, "/dev/lkm is open by another process");
        }
        open = true;
    }

    @Override
    public synchronized void close(int minor, int fflags) {
        unreserve();
        open = false;
    }

    @Override
    public synchronized long ioctl(int minor, long cmd, long data, int fflags, Proc p) throws ErrnoException {
        int c = (int) cmd;
        if (c == Lmc.LMSTAT) {
            return stat(p, data);
        }
        if (c != Lmc.LMRESERV && c != Lmc.LMLOADBUF && c != Lmc.LMUNRESRV && c != Lmc.LMREADY
                && c != Lmc.LMUNLOAD && c != Lmc.LMLOADSYMS && c != Lmc.LMFORCE) {
            throw new ErrnoException(Errno.ENOTTY, "/dev/lkm has no ioctl 0x" + Integer.toHexString(c));
        }
        if ((fflags & FWRITE) == 0) {
            throw new ErrnoException(Errno.EPERM, "/dev/lkm is open read-only: only LMSTAT is allowed");
        }
        lkm.checkWritable();
        if (p != null && p.cred().uid() != 0) {
            // The node's mode is the first gate; a root who made it world-writable opened no back door.
            throw new ErrnoException(Errno.EPERM, "only root may load or unload modules (pid " + p.pid()
                    + " runs as uid " + p.cred().uid() + ")");
        }
        switch (c) {
            case Lmc.LMRESERV -> reserve(p, data);
            case Lmc.LMLOADBUF -> loadbuf(p, data);
            case Lmc.LMUNRESRV -> unreserve();
            case Lmc.LMREADY -> ready();
            case Lmc.LMUNLOAD -> unload(p, data);
            case Lmc.LMFORCE -> {
                if (reservedId < 0) {
                    throw new ErrnoException(Errno.EPERM, "LMFORCE comes right after LMRESERV");
                }
            }
            default -> {
                // LMLOADSYMS: there is no kernel debugger to give symbols to; accepted and dropped.
            }
        }
        return 0;
    }

    private void reserve(Proc p, long data) throws ErrnoException {
        ByteBuffer r = Lmc.copyin(p, data, Lmc.RESRV_SIZE);
        long size = r.getLong(Lmc.RESRV_SIZE_FIELD);
        long namePtr = r.getLong(Lmc.RESRV_NAME);
        if (namePtr == 0) {
            throw new ErrnoException(Errno.EINVAL, "LMRESERV needs the module's name");
        }
        String name;
        try {
            name = p.copyinstr(namePtr, Lmc.MAXLKMNAME);
        } catch (ErrnoException e) {
            throw new ErrnoException(e.errno() == Errno.ENAMETOOLONG ? Errno.EINVAL : e.errno(),
                    "module name: " + e.detail());
        }
        if (size <= 0 || size > lkm.maxBytes()) {
            throw new ErrnoException(Errno.ENOMEM, "cannot reserve " + size + " bytes: modules are 1 to "
                    + lkm.maxBytes() + " bytes (modkern.lkm.maxsize)");
        }
        unreserve();
        reservedId = lkm.reserve(name);
        reservedName = name;
        reservedSize = size;
        image = new ByteArrayOutputStream((int) size);
        r.putInt(Lmc.RESRV_SLOT, reservedId);
        r.putLong(Lmc.RESRV_ADDR, 0);
        Lmc.copyout(p, r, data);
    }

    private void loadbuf(Proc p, long data) throws ErrnoException {
        if (reservedId < 0) {
            throw new ErrnoException(Errno.ENOMEM, "LMLOADBUF without a reservation (LMRESERV first)");
        }
        ByteBuffer b = Lmc.copyin(p, data, Lmc.LOADBUF_SIZE);
        int cnt = b.getInt(Lmc.LOADBUF_CNT);
        if (cnt <= 0 || cnt > Lmc.MODIOBUF || image.size() + (long) cnt > reservedSize) {
            throw new ErrnoException(Errno.ENOMEM, "LMLOADBUF of " + cnt + " bytes (1.." + Lmc.MODIOBUF
                    + ", " + (reservedSize - image.size()) + " left of the reservation)");
        }
        byte[] chunk = new byte[cnt];
        p.userSpace().copyin(b.getLong(Lmc.LOADBUF_DATA), chunk, 0, cnt);
        image.write(chunk, 0, cnt);
    }

    private void ready() throws ErrnoException {
        if (reservedId < 0 || image.size() == 0) {
            throw new ErrnoException(Errno.ENXIO, "LMREADY with no module image loaded");
        }
        String name = reservedName;
        byte[] bytes = image.toByteArray();
        unreserve();
        ModuleJar jar = ModuleJar.of(bytes, Path.of("/dev/lkm", name), lkm.maxBytes());
        if (!jar.name().equals(name)) {
            throw new ErrnoException(Errno.EINVAL, "the image is module " + jar.name()
                    + ", but LMRESERV named " + name);
        }
        lkm.load(jar, null, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), m -> { });
    }

    private void unreserve() {
        if (reservedId >= 0) {
            lkm.release(reservedId);
        }
        reservedId = -1;
        reservedName = null;
        image = null;
    }

    private void unload(Proc p, long data) throws ErrnoException {
        ByteBuffer u = Lmc.copyin(p, data, Lmc.UNLOAD_SIZE);
        int id = u.getInt(Lmc.UNLOAD_ID);
        String name = id == -1 ? p.copyinstr(u.getLong(Lmc.UNLOAD_NAME), Lmc.MAXLKMNAME) : null;
        lkm.unload(id, name, null, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream());
        u.putInt(Lmc.UNLOAD_STATUS, 0);
        Lmc.copyout(p, u, data);
    }

    private long stat(Proc p, long data) throws ErrnoException {
        ByteBuffer s = Lmc.copyin(p, data, Lmc.STAT_SIZE);
        int id = s.getInt(Lmc.STAT_ID);
        String name = null;
        if (id == -1) {
            int len = 0;
            while (len < Lmc.MAXLKMNAME && s.get(Lmc.STAT_NAME + len) != 0) {
                len++;
            }
            name = new String(s.array(), Lmc.STAT_NAME, len, StandardCharsets.UTF_8);
        }
        ModuleStat m = lkm.stat(lkm.find(id, name));
        s.putInt(Lmc.STAT_ID, m.id());
        byte[] nb = m.name().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Lmc.MAXLKMNAME; i++) {
            s.put(Lmc.STAT_NAME + i, i < nb.length && i < Lmc.MAXLKMNAME - 1 ? nb[i] : 0);
        }
        s.putLong(Lmc.STAT_OFFSET, m.offset());
        s.putInt(Lmc.STAT_TYPE, m.type().lkmNumber());
        s.putLong(Lmc.STAT_AREA, m.loadaddr());
        s.putLong(Lmc.STAT_KIB, m.sizeKiB());
        s.putLong(Lmc.STAT_PRIVATE, m.builtin() ? -1 : m.services());
        s.putInt(Lmc.STAT_VER, m.rev());
        Lmc.copyout(p, s, data);
        return 0;
    }
}
