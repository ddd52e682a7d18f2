package org.modkern.lkm.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;

/**
 * The argument structs of /dev/lkm's ioctls as NetBSD/amd64 (LP64, little-endian) lays them out
 * (sys/lkm.h): offsets of the fields the facility reads and writes, and copyin/copyout of a whole
 * struct at a user address.
 */
final class Lmc {
    private Lmc() {}

    // ioctl commands: _IOWR('K', 4, struct lmc_resrv) and so on, LP64 values.
    static final int LMRESERV = 0xC0484B04, LMLOADBUF = 0x80104B01, LMUNRESRV = 0x20004B02,
            LMREADY = 0x80084B03, LMUNLOAD = 0xC0184B0A, LMSTAT = 0xC0584B0B, LMLOADSYMS = 0x80104B0C,
            LMFORCE = 0x80084B0D;

    /** struct lmc_resrv: size, name*, slot (out), addr (out), ... sym_addr (out). */
    static final int RESRV_SIZE = 72, RESRV_SIZE_FIELD = 0, RESRV_NAME = 8, RESRV_SLOT = 16, RESRV_ADDR = 24;
    /** struct lmc_loadbuf: cnt, data*. */
    static final int LOADBUF_SIZE = 16, LOADBUF_CNT = 0, LOADBUF_DATA = 8;
    /** struct lmc_unload: id (-1: by name), name*, status (out). */
    static final int UNLOAD_SIZE = 24, UNLOAD_ID = 0, UNLOAD_NAME = 8, UNLOAD_STATUS = 16;
    /** struct lmc_stat: id, name[32], offset, type, area, size (KiB), private, ver. */
    static final int STAT_SIZE = 88, STAT_ID = 0, STAT_NAME = 4, STAT_OFFSET = 40, STAT_TYPE = 48,
            STAT_AREA = 56, STAT_KIB = 64, STAT_PRIVATE = 72, STAT_VER = 80;
    /** MAXLKMNAME. */
    static final int MAXLKMNAME = 32;
    /** MODIOBUF: the most one LMLOADBUF moves. */
    static final int MODIOBUF = 512;

    static ByteBuffer copyin(Proc p, long uaddr, int size) throws ErrnoException {
        byte[] b = new byte[size];
        p.userSpace().copyin(uaddr, b, 0, size);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void copyout(Proc p, ByteBuffer b, long uaddr) throws ErrnoException {
        p.userSpace().copyout(b.array(), 0, uaddr, b.capacity());
    }
}
