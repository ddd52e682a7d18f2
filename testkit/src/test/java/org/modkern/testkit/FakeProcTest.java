package org.modkern.testkit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.util.Arrays;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.UserSpace;

public class FakeProcTest {
    private final FakeProc p = new FakeProc(16);

    @Test
    public void userMemoryIsTheArray() throws ErrnoException {
        p.userSpace().copyout(new byte[] {1, 2, 3}, 1, 0, 2);
        assertArrayEquals(new byte[] {2, 3, 0}, Arrays.copyOf(p.mem, 3));
        p.mem[15] = 9;
        byte[] b = new byte[1];
        p.userSpace().copyin(15, b, 0, 1);
        assertEquals(9, b[0]);
    }

    @Test
    public void outsideTheArrayIsEfault() {
        byte[] b = new byte[4];
        assertErrno(Errno.EFAULT, () -> p.userSpace().copyin(13, b, 0, 4));
        assertErrno(Errno.EFAULT, () -> p.userSpace().copyin(-1, b, 0, 1));
        assertErrno(Errno.EFAULT, () -> p.userSpace().copyout(b, 0, 16, 1));
        assertErrno(Errno.EFAULT, () -> p.userSpace().copyout(b, 0, 0, -1));
    }

    @Test
    public void copyinstrStopsAtTheNul() throws ErrnoException {
        FakeProc q = new FakeProc(200);
        System.arraycopy("abc\0def".getBytes(), 0, q.mem, 4, 7);
        assertEquals("abc", q.copyinstr(4, 100));
        assertErrno(Errno.ENAMETOOLONG, () -> q.copyinstr(4, 3));
        Arrays.fill(q.mem, 150, 200, (byte) 'a');
        assertErrno(Errno.EFAULT, () -> q.copyinstr(150, 100)); // no NUL before the end of memory
    }

    @Test
    public void identityAndASwappableUserSpace() {
        assertEquals(42, p.pid());
        assertEquals(1, p.ppid());
        assertEquals("netbsd", p.emulation());
        assertNull(p.terminal());
        UserSpace other = new FakeProc(1).userSpace();
        p.setUserSpace(other);
        assertSame(other, p.userSpace());
    }
}
