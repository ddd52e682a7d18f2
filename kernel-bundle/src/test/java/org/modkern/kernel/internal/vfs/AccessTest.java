package org.modkern.kernel.internal.vfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Vattr;

/** The sticky directory rule: in /tmp (01777) a user removes and renames only what is its own. */
public class AccessTest {
    private static Vattr attr(long mode, long uid) {
        Vattr va = new Vattr();
        va.mode = mode;
        va.uid = uid;
        va.gid = 0;
        return va;
    }

    private static void allowed(Cred who, Vattr dir, Vattr entry) throws ErrnoException {
        Access.checkSticky(who, dir, entry, "x");
    }

    @Test
    public void inAStickyDirectoryOnlyTheOwnersAndRootRemoveAnEntry() throws ErrnoException {
        Vattr tmp = attr(01777, 0);
        Vattr others = attr(0644, 1002);
        allowed(new Cred(1002, 100), tmp, others); // the entry's owner
        allowed(Cred.ROOT, tmp, others);
        allowed(new Cred(1001, 100), attr(01777, 1001), others); // the directory's owner
        try {
            allowed(new Cred(1001, 100), tmp, others);
            fail("user 1001 removed user 1002's entry of a sticky directory");
        } catch (ErrnoException e) {
            assertEquals(Errno.EPERM, e.errno());
            assertEquals("x: the directory is sticky: only the entry's owner (user 1002), the directory's (user 0)"
                    + " or root may remove or rename it", e.detail());
        }
    }

    @Test
    public void withoutTheStickyBitTheWriteBitsDecide() throws ErrnoException {
        allowed(new Cred(1001, 100), attr(0777, 0), attr(0644, 1002));
    }
}
