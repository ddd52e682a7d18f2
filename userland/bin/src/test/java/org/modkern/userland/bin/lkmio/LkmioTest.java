package org.modkern.userland.bin.lkmio;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.Test;
import org.modkern.libc.Trap;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;

/** The /dev/lkm ABI: ioctl numbers, struct sizes and field offsets (NetBSD amd64, sys/lkm.h). */
public class LkmioTest {
    private static final long IOC_VOID = 0x20000000L, IOC_IN = 0x80000000L, IOC_INOUT = 0xC0000000L;

    /** ioccom.h: dir | (len & 0x1fff) << 16 | group << 8 | num. */
    private static long ioc(long dir, int num, int len) {
        return dir | ((long) (len & 0x1fff) << 16) | ('K' << 8) | num;
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    public void ioctlNumbersAreTheLp64Encodings() {
        assertEquals(ioc(IOC_IN, 1, Lkmio.LOADBUF_SIZEOF), Lkmio.LMLOADBUF);
        assertEquals(ioc(IOC_VOID, 2, 0), Lkmio.LMUNRESRV);
        assertEquals(ioc(IOC_IN, 3, Lkmio.READY_SIZEOF), Lkmio.LMREADY);
        assertEquals(ioc(IOC_INOUT, 4, Lkmio.RESRV_SIZEOF), Lkmio.LMRESERV);
        assertEquals(ioc(IOC_INOUT, 10, Lkmio.UNLOAD_SIZEOF), Lkmio.LMUNLOAD);
        assertEquals(ioc(IOC_INOUT, 11, Lkmio.STAT_SIZEOF), Lkmio.LMSTAT);
        // the values of netbsd-abi-facts.md 5.2 and of the driver
        assertEquals(0x80104B01L, Lkmio.LMLOADBUF);
        assertEquals(0x20004B02L, Lkmio.LMUNRESRV);
        assertEquals(0x80084B03L, Lkmio.LMREADY);
        assertEquals(0xC0484B04L, Lkmio.LMRESERV);
        assertEquals(0xC0184B0AL, Lkmio.LMUNLOAD);
        assertEquals(0xC0584B0BL, Lkmio.LMSTAT);
    }

    @Test
    public void structSizes() {
        assertEquals(72, Lkmio.RESRV_SIZEOF);
        assertEquals(16, Lkmio.LOADBUF_SIZEOF);
        assertEquals(8, Lkmio.READY_SIZEOF);
        assertEquals(24, Lkmio.UNLOAD_SIZEOF);
        assertEquals(88, Lkmio.STAT_SIZEOF);
        assertEquals(72, Lkmio.resrv(1, 2).length);
        assertEquals(16, Lkmio.loadbuf(1, 2).length);
        assertEquals(8, Lkmio.ready(0).length);
        assertEquals(24, Lkmio.unload(1, 2).length);
        assertEquals(88, Lkmio.statRequest(1, null).length);
        assertEquals(512, Lkmio.MODIOBUF);
        assertEquals(32, Lkmio.MAXLKMNAME);
    }

    @Test
    public void lmcResrv() {
        long name = Trap.addr(9, 0);
        byte[] b = Lkmio.resrv(4310, name);
        ByteBuffer bb = le(b);
        assertEquals(4310, bb.getLong(0));
        assertEquals(name, bb.getLong(8));
        for (int at = 16; at < 72; at += 8) { // slot, addr, unused, sym_size, unused, sym_symsize, sym_addr
            assertEquals("offset " + at, 0, bb.getLong(at));
        }
        bb.putInt(16, 3).putLong(24, 0x1234_5678_9aL);
        assertEquals(3, Lkmio.resrvSlot(b));
        assertEquals(0x1234_5678_9aL, Lkmio.resrvAddr(b));
        assertEquals(16, Lkmio.RESRV_SLOT);
        assertEquals(24, Lkmio.RESRV_ADDR);
        assertEquals(40, Lkmio.RESRV_SYM_SIZE);
        assertEquals(56, Lkmio.RESRV_SYM_SYMSIZE);
        assertEquals(64, Lkmio.RESRV_SYM_ADDR);
    }

    @Test
    public void lmcLoadbufAndReady() {
        long data = Trap.addr(10, 1024);
        ByteBuffer bb = le(Lkmio.loadbuf(512, data));
        assertEquals(512, bb.getInt(0));
        assertEquals(0, bb.getInt(4)); // padding before the pointer
        assertEquals(data, bb.getLong(8));
        assertEquals(0, le(Lkmio.ready(0)).getLong(0));
    }

    @Test
    public void lmcUnload() {
        long name = Trap.addr(9, 0);
        byte[] b = Lkmio.unload(-1, name);
        ByteBuffer bb = le(b);
        assertEquals(-1, bb.getInt(0));
        assertEquals(name, bb.getLong(8));
        assertEquals(0, bb.getInt(16));
        bb.putInt(16, 7);
        assertEquals(7, Lkmio.unloadStatus(b));
        assertEquals(0, le(Lkmio.unload(4, 0)).getLong(8));
    }

    @Test
    public void lmcStat() {
        byte[] req = Lkmio.statRequest(-1, "hello");
        ByteBuffer bb = le(req);
        assertEquals(-1, bb.getInt(0));
        assertEquals("hello", new String(req, 4, 5, StandardCharsets.US_ASCII));
        assertEquals(0, req[9]);
        assertEquals(0, le(Lkmio.statRequest(2, null)).getLong(4));
        String longest = "a".repeat(31);
        assertTrue(Lkmio.fitsName(longest));
        assertFalse(Lkmio.fitsName(longest + "b"));
        assertEquals(0, Lkmio.statRequest(-1, longest)[4 + 31]);

        byte[] b = new byte[88];
        ByteBuffer o = le(b);
        o.putInt(0, 3);
        byte[] n = "hello".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, b, 4, n.length);
        o.putLong(40, 210).putInt(48, 0).putLong(56, 16).putLong(64, 5).putLong(72, 1).putInt(80, 2);
        assertEquals(new ModStat(3, "hello", 210, 0, 16, 5, 1, 2), Lkmio.decodeStat(b));
        o.putLong(40, -1).putLong(72, -1).putInt(48, 1);
        ModStat s = Lkmio.decodeStat(b);
        assertEquals(-1, s.offset());
        assertTrue(s.builtin());
        assertEquals("VFS", s.typeName());
        // a name filling all 32 bytes (no NUL) is cut at the array's end
        for (int i = 0; i < 32; i++) {
            b[4 + i] = 'x';
        }
        assertEquals("x".repeat(32), Lkmio.decodeStat(b).name());
    }

    @Test
    public void typeNames() {
        String[] names = {"SYSCALL", "VFS", "DEV", "STRMOD", "EXEC", "COMPAT", "MISC", "DRV"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], Lkmio.typeName(i));
        }
        assertEquals("9", Lkmio.typeName(9));
    }

    @Test
    public void numbers() {
        assertEquals(Integer.valueOf(12), Lkmio.parseInt("12"));
        assertEquals(Integer.valueOf(0x1f), Lkmio.parseInt("0x1f"));
        assertEquals(Integer.valueOf(8), Lkmio.parseInt("010"));
        assertEquals(Integer.valueOf(0), Lkmio.parseInt("0"));
        assertEquals(Integer.valueOf(-1), Lkmio.parseInt("-1"));
        assertNull(Lkmio.parseInt(""));
        assertNull(Lkmio.parseInt("x"));
        assertNull(Lkmio.parseInt("1x"));
        assertNull(Lkmio.parseInt("--1"));
        assertNull(Lkmio.parseInt("99999999999"));
        assertNull(Lkmio.parseInt("09"));
    }
}
