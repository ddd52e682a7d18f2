package org.modkern.kernel.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;
import org.modkern.kern.Termios;

public class LineDisciplineTest {
    private final LineDiscipline ld = new LineDiscipline();
    private final ByteArrayOutputStream echoed = new ByteArrayOutputStream();
    private int interrupts;

    private byte[] type(Termios t, String s) throws Exception {
        byte[] out = null;
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            out = ld.input(b & 0xff, t, echoed::writeBytes, () -> interrupts++);
        }
        return out;
    }

    @Test
    public void canonicalModeEditsTheLineAndHandsItOverAtNewline() throws Exception {
        Termios t = Termios.defaults();
        assertNull(type(t, "lx\u007fs -l"));
        assertArrayEquals("ls -l\n".getBytes(), type(t, "\r"));
        assertEquals("lx\b \bs -l\r\n", echoed.toString());
    }

    @Test
    public void killAndWordEraseDropWhatTheyShould() throws Exception {
        Termios t = Termios.defaults();
        type(t, "echo one two\u0017three");
        assertArrayEquals("echo one three".getBytes(), ld.pending());
        type(t, "\u0015");
        assertEquals(0, ld.pending().length);
    }

    @Test
    public void eofAloneIsEndOfInputAndAfterTextEndsTheRead() throws Exception {
        Termios t = Termios.defaults();
        assertSame(LineDiscipline.END, type(t, "\u0004"));
        assertArrayEquals("ab".getBytes(), type(t, "ab\u0004"));
    }

    @Test
    public void interruptDropsTheLineAndSignals() throws Exception {
        Termios t = Termios.defaults();
        assertNull(type(t, "abc\u0003"));
        assertEquals(1, interrupts);
        assertEquals(0, ld.pending().length);
        t.lflag &= ~Termios.ISIG;
        type(t, "\u0003");
        assertEquals(1, interrupts);
        assertArrayEquals(new byte[] {3}, ld.pending());
    }

    @Test
    public void nonCanonicalWithoutEchoPassesEachByteSilently() throws Exception {
        Termios t = Termios.defaults();
        t.lflag &= ~(Termios.ICANON | Termios.ECHO);
        assertArrayEquals(new byte[] {0x7f}, type(t, "\u007f"));
        assertArrayEquals(new byte[] {'q'}, type(t, "q"));
        assertEquals(0, echoed.size());
    }

    @Test
    public void termiosSurvivesItsWireFormat() {
        Termios t = Termios.defaults();
        t.lflag = Termios.ECHO;
        t.cc[Termios.VMIN] = 7;
        byte[] raw = t.encode();
        assertEquals(Termios.SIZE, raw.length);
        Termios back = Termios.decode(raw);
        assertEquals(Termios.ECHO, back.lflag);
        assertEquals(7, back.cc[Termios.VMIN]);
        assertEquals(9600, back.ospeed);
    }
}
