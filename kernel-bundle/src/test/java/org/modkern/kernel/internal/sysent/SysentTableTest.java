package org.modkern.kernel.internal.sysent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.SyscallHandler;

public class SysentTableTest {
    private final SysentTable t = new SysentTable("netbsd", 512);
    private final SyscallHandler read = (p, a) -> 3;

    @Test
    public void emptySlotsAreNosysAndLoadableSlotsLkmnosys() {
        assertEquals("nosys", t.name(300));
        assertEquals("lkmnosys", t.name(210));
        assertEquals("lkmnosys", t.name(219));
        assertEquals("nosys", t.name(220));
        try {
            t.handler(300).call(null, null);
            fail();
        } catch (ErrnoException e) {
            assertEquals(Errno.ENOSYS, e.errno());
        }
    }

    @Test
    public void replacingPushesAndRemovingRestores() throws ErrnoException {
        t.define(3, "read", read);
        SysentEntry a = new SysentEntry((p, x) -> 1, "a", "modA");
        SysentEntry b = new SysentEntry((p, x) -> 2, "b", "modB");
        t.install(3, a);
        t.install(3, b);
        assertSame(a.handler(), t.next(3, b.handler()));
        assertSame(read, t.next(3, a.handler()));
        assertEquals("modB", t.owner(3));
        assertEquals(2, t.depth(3));
        // A module below the top goes first: the top stays, and later removal skips it.
        t.remove(3, a);
        assertEquals("modB", t.owner(3));
        t.remove(3, b);
        assertSame(read, t.handler(3));
        assertEquals(null, t.next(3, b.handler()));
        assertEquals(0, t.depth(3));
    }

    @Test
    public void minusOneTakesTheFirstFreeLoadableSlotUntilNoneIsLeft() throws ErrnoException {
        for (int i = 210; i <= 219; i++) {
            assertEquals(i, t.install(-1, new SysentEntry(read, "c" + i, "m")));
        }
        try {
            t.install(-1, new SysentEntry(read, "one too many", "m"));
            fail();
        } catch (ErrnoException e) {
            assertEquals(Errno.ENFILE, e.errno());
        }
    }

    @Test
    public void aSlotOutsideTheTableIsEinval() {
        for (int slot : new int[] {-2, 512, 100000}) {
            try {
                t.install(slot, new SysentEntry(read, "x", "m"));
                fail("slot " + slot);
            } catch (ErrnoException e) {
                assertEquals(Errno.EINVAL, e.errno());
                assertTrue(e.getMessage().contains("outside"));
            }
        }
        assertEquals(null, t.lookup(512));
        assertEquals(null, t.lookup(-1));
    }
}
