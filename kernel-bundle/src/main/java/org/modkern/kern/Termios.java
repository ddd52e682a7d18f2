package org.modkern.kern;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A terminal's modes (struct termios, 44 bytes on every NetBSD ABI): four flag words, the control
 * characters, the speeds. The console's TIOCGETA/TIOCSETA move it; the line discipline obeys the
 * local flags and control characters named here.
 */
public final class Termios {
    public static final int SIZE = 44;
    public static final int NCCS = 20;

    /** c_lflag bits. */
    public static final int ECHOKE = 0x1, ECHOE = 0x2, ECHOK = 0x4, ECHO = 0x8, ECHONL = 0x10, ISIG = 0x80,
            ICANON = 0x100, IEXTEN = 0x400;
    /** c_iflag ICRNL, c_oflag OPOST and ONLCR, c_cflag CREAD and CS8. */
    public static final int ICRNL = 0x100, OPOST = 0x1, ONLCR = 0x2, CREAD = 0x800, CS8 = 0x300;
    /** c_cc indices. */
    public static final int VEOF = 0, VEOL = 1, VEOL2 = 2, VERASE = 3, VWERASE = 4, VKILL = 5, VREPRINT = 6,
            VINTR = 8, VQUIT = 9, VSUSP = 10, VSTART = 12, VSTOP = 13, VLNEXT = 14, VMIN = 16, VTIME = 17,
            VSTATUS = 18;
    /** A control character that is switched off. */
    public static final int VDISABLE = 0xff;

    public int iflag;
    public int oflag;
    public int cflag;
    public int lflag;
    public final byte[] cc = new byte[NCCS];
    public int ispeed;
    public int ospeed;

    /** The modes a terminal starts in (ttydefaults.h): canonical, echoing, signals on, 9600 baud. */
    public static Termios defaults() {
        Termios t = new Termios();
        t.iflag = ICRNL;
        t.oflag = OPOST | ONLCR;
        t.cflag = CREAD | CS8;
        t.lflag = ECHOKE | ECHOE | ECHOK | ECHO | ISIG | ICANON | IEXTEN;
        java.util.Arrays.fill(t.cc, (byte) VDISABLE);
        t.cc[VEOF] = 0x04;
        t.cc[VERASE] = 0x7f;
        t.cc[VWERASE] = 0x17;
        t.cc[VKILL] = 0x15;
        t.cc[VREPRINT] = 0x12;
        t.cc[VINTR] = 0x03;
        t.cc[VQUIT] = 0x1c;
        t.cc[VSUSP] = 0x1a;
        t.cc[VSTART] = 0x11;
        t.cc[VSTOP] = 0x13;
        t.cc[VLNEXT] = 0x16;
        t.cc[VSTATUS] = 0x14;
        t.cc[VMIN] = 1;
        t.cc[VTIME] = 0;
        t.ispeed = 9600;
        t.ospeed = 9600;
        return t;
    }

    public boolean has(int lflagBit) {
        return (lflag & lflagBit) != 0;
    }

    /** True when {@code c} is control character {@code index} and that one is not switched off. */
    public boolean is(int index, int c) {
        int v = cc[index] & 0xff;
        return v != VDISABLE && v == c;
    }

    public Termios copy() {
        return decode(encode());
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(iflag).putInt(oflag).putInt(cflag).putInt(lflag).put(cc).putInt(ispeed).putInt(ospeed);
        return b.array();
    }

    public static Termios decode(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        Termios t = new Termios();
        t.iflag = b.getInt();
        t.oflag = b.getInt();
        t.cflag = b.getInt();
        t.lflag = b.getInt();
        b.get(t.cc);
        t.ispeed = b.getInt();
        t.ospeed = b.getInt();
        return t;
    }
}
