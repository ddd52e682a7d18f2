package org.modkern.kern;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ErrnoTest {
    @Test
    public void netbsdNumbersAndNames() {
        assertEquals(2, Errno.ENOENT);
        assertEquals(35, Errno.EAGAIN);
        assertEquals(62, Errno.ELOOP);
        assertEquals(78, Errno.ENOSYS);
        assertEquals(98, Errno.ELAST);
        for (int i = 1; i <= Errno.ELAST; i++) {
            assertEquals(i, Errno.byName(Errno.name(i)));
        }
        assertEquals("ENOENT: /bin/nope: No such file or directory",
                new ErrnoException(Errno.ENOENT, "/bin/nope").getMessage());
        assertEquals("EIO: Input/output error", new ErrnoException(Errno.EIO).getMessage());
    }

    @Test
    public void makedevRoundTrips() {
        for (int major : new int[] {0, 1, 29, 100, 511}) {
            for (int minor : new int[] {0, 1, 255, 256, 70000}) {
                long dev = org.modkern.dev.DevService.makedev(major, minor);
                assertEquals(major, org.modkern.dev.DevService.major(dev));
                assertEquals(minor, org.modkern.dev.DevService.minor(dev));
            }
        }
    }
}
