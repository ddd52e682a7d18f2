package org.modkern.userland.bin.lkmio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Numbers;

/**
 * lkm(4)'s user interface as NetBSD/amd64 (LP64, little-endian) lays it out in sys/lkm.h: the
 * ioctl numbers of /dev/lkm and the argument structs, field by field. Pointers inside the structs
 * are user addresses ({@link org.modkern.libc.Trap#addr}).
 */
public final class Lkmio {
    private Lkmio() {}

    /** The device. */
    public static final String DEV = "/dev/lkm";

    // ioctls, group 'K': _IOW('K', 1, struct lmc_loadbuf) and so on (u_long command words).
    public static final long LMLOADBUF = 0x80104B01L, LMUNRESRV = 0x20004B02L, LMREADY = 0x80084B03L,
            LMRESERV = 0xC0484B04L, LMUNLOAD = 0xC0184B0AL, LMSTAT = 0xC0584B0BL;

    /** MODIOBUF: the most one LMLOADBUF takes. */
    public static final int MODIOBUF = 512;
    /** MAXLKMNAME: a name and its NUL. */
    public static final int MAXLKMNAME = 32;
    /** LKM_VERSION. */
    public static final int LKM_VERSION = 2;

    /** MODTYPE. */
    public static final int LM_SYSCALL = 0, LM_VFS = 1, LM_DEV = 2, LM_STRMOD = 3, LM_EXEC = 4,
            LM_COMPAT = 5, LM_MISC = 6, LM_DRV = 7;
    private static final String[] TYPE_NAMES = {"SYSCALL", "VFS", "DEV", "STRMOD", "EXEC", "COMPAT", "MISC",
        "DRV"};

    /** struct lmc_resrv: u_long size; char *name; int slot (out); u_long addr (out); u_long unused; u_long sym_size; u_long unused; u_long sym_symsize; u_long sym_addr (out). */
    public static final int RESRV_SIZEOF = 72, RESRV_SIZE = 0, RESRV_NAME = 8, RESRV_SLOT = 16, RESRV_ADDR = 24,
            RESRV_SYM_SIZE = 40, RESRV_SYM_SYMSIZE = 56, RESRV_SYM_ADDR = 64;
    /** struct lmc_loadbuf: int cnt; char *data. */
    public static final int LOADBUF_SIZEOF = 16, LOADBUF_CNT = 0, LOADBUF_DATA = 8;
    /** LMREADY's argument: u_long, the entry address. */
    public static final int READY_SIZEOF = 8;
    /** struct lmc_unload: int id (-1: by name); char *name; int status (out). */
    public static final int UNLOAD_SIZEOF = 24, UNLOAD_ID = 0, UNLOAD_NAME = 8, UNLOAD_STATUS = 16;
    /** struct lmc_stat: int id; char name[MAXLKMNAME]; u_long offset; MODTYPE type; u_long area; u_long size; u_long private; int ver. */
    public static final int STAT_SIZEOF = 88, STAT_ID = 0, STAT_NAME = 4, STAT_OFFSET = 40, STAT_TYPE = 48,
            STAT_AREA = 56, STAT_SIZE = 64, STAT_PRIVATE = 72, STAT_VER = 80;

    /** What LMSTAT says about a module. {@code priv} -1 means built in; {@code size} is in KiB. */
    public record ModStat(int id, String name, long offset, int type, long area, long size, long priv, int ver) {
        public boolean builtin() {
            return priv == -1;
        }

        /** modstat's name of the type: SYSCALL, VFS, DEV ... */
        public String typeName() {
            return Lkmio.typeName(type);
        }
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An lmc_resrv asking for {@code size} bytes for module {@code namePtr} (no symbol table). */
    public static byte[] resrv(long size, long namePtr) {
        byte[] b = new byte[RESRV_SIZEOF];
        le(b).putLong(RESRV_SIZE, size).putLong(RESRV_NAME, namePtr);
        return b;
    }

    /** The module id LMRESERV gave back. */
    public static int resrvSlot(byte[] b) {
        return le(b).getInt(RESRV_SLOT);
    }

    /** The load address LMRESERV gave back. */
    public static long resrvAddr(byte[] b) {
        return le(b).getLong(RESRV_ADDR);
    }

    public static byte[] loadbuf(int cnt, long dataPtr) {
        byte[] b = new byte[LOADBUF_SIZEOF];
        le(b).putInt(LOADBUF_CNT, cnt).putLong(LOADBUF_DATA, dataPtr);
        return b;
    }

    /** LMREADY's u_long entry address. */
    public static byte[] ready(long entry) {
        byte[] b = new byte[READY_SIZEOF];
        le(b).putLong(0, entry);
        return b;
    }

    /** An lmc_unload of module {@code id}, or by name ({@code id} -1, {@code namePtr}). */
    public static byte[] unload(int id, long namePtr) {
        byte[] b = new byte[UNLOAD_SIZEOF];
        le(b).putInt(UNLOAD_ID, id).putLong(UNLOAD_NAME, namePtr);
        return b;
    }

    public static int unloadStatus(byte[] b) {
        return le(b).getInt(UNLOAD_STATUS);
    }

    /**
     * An lmc_stat asking for module {@code id}, or (id -1) for {@code name}, which is copied into
     * the struct's name array.
     *
     * @throws IllegalArgumentException when the name does not fit (MAXLKMNAME - 1 bytes)
     */
    public static byte[] statRequest(int id, String name) {
        byte[] b = new byte[STAT_SIZEOF];
        le(b).putInt(STAT_ID, id);
        if (name != null) {
            byte[] nb = name.getBytes(StandardCharsets.UTF_8);
            if (!fitsName(name)) {
                throw new IllegalArgumentException("module name " + name + " is longer than " + (MAXLKMNAME - 1)
                        + " bytes");
            }
            System.arraycopy(nb, 0, b, STAT_NAME, nb.length);
        }
        return b;
    }

    /** Whether {@code name} fits a module name (MAXLKMNAME - 1 bytes and the NUL). */
    public static boolean fitsName(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length < MAXLKMNAME;
    }

    public static ModStat decodeStat(byte[] b) {
        ByteBuffer bb = le(b);
        int len = 0;
        while (len < MAXLKMNAME && b[STAT_NAME + len] != 0) {
            len++;
        }
        return new ModStat(bb.getInt(STAT_ID), new String(b, STAT_NAME, len, StandardCharsets.UTF_8),
                bb.getLong(STAT_OFFSET), bb.getInt(STAT_TYPE), bb.getLong(STAT_AREA), bb.getLong(STAT_SIZE),
                bb.getLong(STAT_PRIVATE), bb.getInt(STAT_VER));
    }

    /** SYSCALL, VFS, DEV, STRMOD, EXEC, COMPAT, MISC, DRV; the number for any other. */
    public static String typeName(int type) {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : Integer.toString(type);
    }

    /**
     * A number as strtol(3) with base 0 reads it: decimal, 0x hexadecimal or 0 octal, optionally
     * negative; null when the whole string is not one or it does not fit an int.
     */
    public static Integer parseInt(String s) {
        return Numbers.parseInt(s);
    }

    /** The error with a detail that names {@code subject}, as the kernel's may not. */
    public static SysError named(SysError e, String subject) {
        String d = e.detail();
        if (d == null || d.isEmpty() || d.equals(e.getMessage())) {
            return new SysError(e.errno(), subject);
        }
        return d.contains(subject) ? e : new SysError(e.errno(), subject + ": " + d);
    }

    /** ENAMETOOLONG for a name no module can have. */
    public static SysError nameTooLong(String name) {
        return new SysError(ENAMETOOLONG, "module name " + name + " is longer than " + (MAXLKMNAME - 1) + " bytes");
    }

    static final int ENAMETOOLONG = 63;
}
