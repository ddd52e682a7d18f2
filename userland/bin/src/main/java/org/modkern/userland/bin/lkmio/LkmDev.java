package org.modkern.userland.bin.lkmio;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;

/**
 * An open /dev/lkm and its ioctls. The argument struct is lent as segment {@value #SEG_STRUCT},
 * a module name it points to as {@value #SEG_NAME} and a module image as {@value #SEG_DATA}
 * (libc lends 0..6). A failing ioctl throws the kernel's {@link SysError}.
 */
public final class LkmDev implements AutoCloseable {
    public static final int SEG_STRUCT = 8, SEG_NAME = 9, SEG_DATA = 10;

    private final Libc sys;
    private final Trap trap;
    private int fd;

    private LkmDev(Libc sys, int fd) {
        this.sys = sys;
        this.trap = sys.trap();
        this.fd = fd;
    }

    /** Opens /dev/lkm, read-write to load and unload, read-only to stat. */
    public static LkmDev open(Libc sys, boolean write) {
        return new LkmDev(sys, sys.open(Lkmio.DEV, write ? Fcntl.O_RDWR : Fcntl.O_RDONLY));
    }

    private long lendStruct(byte[] b) {
        trap.lend(SEG_STRUCT, b);
        return Trap.addr(SEG_STRUCT, 0);
    }

    private long lendName(String name) {
        trap.lend(SEG_NAME, (name + "\0").getBytes(StandardCharsets.UTF_8));
        return Trap.addr(SEG_NAME, 0);
    }

    /** LMRESERV: reserves {@code size} bytes for module {@code name}; returns the id it will get. */
    public int reserve(long size, String name) {
        byte[] r = Lkmio.resrv(size, lendName(name));
        sys.ioctl(fd, Lkmio.LMRESERV, lendStruct(r));
        return Lkmio.resrvSlot(r);
    }

    /** LMLOADBUF for each chunk of at most MODIOBUF bytes of {@code image}, in order; returns the count of chunks. */
    public int loadAll(byte[] image) {
        trap.lend(SEG_DATA, image);
        int chunks = 0;
        for (int off = 0; off < image.length; off += Lkmio.MODIOBUF) {
            int cnt = Math.min(Lkmio.MODIOBUF, image.length - off);
            sys.ioctl(fd, Lkmio.LMLOADBUF, lendStruct(Lkmio.loadbuf(cnt, Trap.addr(SEG_DATA, off))));
            chunks++;
        }
        trap.lend(SEG_DATA, null);
        return chunks;
    }

    /** LMREADY with entry address 0: loads the reserved module. */
    public void ready() {
        sys.ioctl(fd, Lkmio.LMREADY, lendStruct(Lkmio.ready(0)));
    }

    /** LMUNRESRV: discards the reservation. */
    public void unreserve() {
        sys.ioctl(fd, Lkmio.LMUNRESRV, 0);
    }

    /** LMUNLOAD of module {@code id}, or by {@code name} when id is -1; returns lmc_unload's status. */
    public int unload(int id, String name) {
        byte[] u = Lkmio.unload(id, id == -1 ? lendName(name) : 0);
        sys.ioctl(fd, Lkmio.LMUNLOAD, lendStruct(u));
        return Lkmio.unloadStatus(u);
    }

    /** LMSTAT of module {@code id}, or by {@code name} when id is -1. */
    public ModStat stat(int id, String name) {
        byte[] s = Lkmio.statRequest(id, id == -1 ? name : null);
        sys.ioctl(fd, Lkmio.LMSTAT, lendStruct(s));
        return Lkmio.decodeStat(s);
    }

    /** Closes /dev/lkm (which also discards a reservation), once; errors are ignored. */
    @Override
    public void close() {
        if (fd >= 0) {
            try {
                sys.close(fd);
            } catch (SysError e) {
                // nothing to do about it
            }
            fd = -1;
        }
    }
}
