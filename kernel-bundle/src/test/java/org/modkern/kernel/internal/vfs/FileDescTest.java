package org.modkern.kernel.internal.vfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vattr;

/**
 * The descriptor table's read/write path: its owner (the process's thread) takes no reference to
 * the file, any other thread does, and no other thread may change an owned table.
 */
public class FileDescTest {
    /** The process's thread: one thread that owns the table, and runs what it is given. */
    private final ExecutorService proc = Executors.newSingleThreadExecutor();

    @After
    public void stop() throws InterruptedException {
        proc.shutdownNow();
        proc.awaitTermination(10, TimeUnit.SECONDS);
    }

    private <T> T onProc(Callable<T> c) throws Exception {
        return proc.submit(c).get(10, TimeUnit.SECONDS);
    }

    private static final class CountedFile extends KFile {
        final AtomicInteger closes = new AtomicInteger();

        CountedFile() {
            super(FREAD | FWRITE);
        }

        @Override
        public int read(Uio uio) {
            return 0;
        }

        @Override
        public int write(Uio uio) {
            return 0;
        }

        @Override
        public void stat(Vattr va) {
        }

        @Override
        public String kind() {
            return "test file";
        }

        @Override
        protected void closeLast() {
            closes.incrementAndGet();
        }
    }

    private FileDesc ownedWith(CountedFile f) throws Exception {
        FileDesc t = new FileDesc();
        assertEquals(0, t.alloc(f, 0)); // set up before the process runs, as spawn does
        onProc(() -> {
            t.own();
            return null;
        });
        return t;
    }

    @Test
    public void theOwnerHoldsWithoutAReferenceAndClosingDropsTheTablesOnly() throws Exception {
        CountedFile f = new CountedFile();
        FileDesc t = ownedWith(f);
        onProc(() -> {
            KFile held = t.hold(0);
            assertSame(f, held);
            t.remove(0).release(); // the table's reference was the only one: closed now
            assertEquals(1, f.closes.get());
            t.unhold(held); // and giving back releases nothing more
            return null;
        });
        assertEquals(1, f.closes.get());
        assertFalse("a reference too many was dropped", f.tryHold());
    }

    @Test
    public void anotherThreadHoldsAReferenceThatOutlivesTheClose() throws Exception {
        CountedFile f = new CountedFile();
        FileDesc t = ownedWith(f);
        KFile held = t.hold(0); // not the owner: a reference of its own
        onProc(() -> {
            t.remove(0).release();
            return null;
        });
        assertEquals("closed under a holder", 0, f.closes.get());
        t.unhold(held);
        assertEquals(1, f.closes.get());
    }

    @Test
    public void noOtherThreadChangesAnOwnedTable() throws Exception {
        CountedFile f = new CountedFile();
        FileDesc t = ownedWith(f);
        for (Callable<Object> change : java.util.List.<Callable<Object>>of(
                () -> t.remove(0), () -> t.alloc(new CountedFile(), 0), () -> t.install(3, new CountedFile()),
                () -> t.removeAll(false))) {
            try {
                change.call();
                fail("an owned table changed from another thread");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("changed by another thread"));
            }
        }
        assertSame(f, t.get(0));
        assertEquals(0, f.closes.get());
    }

    @Test
    public void theOwnersHoldOfAClosedOrRevokedDescriptorIsEbadf() throws Exception {
        CountedFile f = new CountedFile();
        FileDesc t = ownedWith(f);
        onProc(() -> {
            for (int fd : new int[] {-1, 1, FileDesc.NOFILE}) {
                try {
                    t.hold(fd);
                    fail("held descriptor " + fd);
                } catch (ErrnoException e) {
                    assertEquals(Errno.EBADF, e.errno());
                }
            }
            f.revoke();
            try {
                t.hold(0);
                fail("held a revoked file");
            } catch (ErrnoException e) {
                assertEquals(Errno.EBADF, e.errno());
            }
            return null;
        });
    }
}
