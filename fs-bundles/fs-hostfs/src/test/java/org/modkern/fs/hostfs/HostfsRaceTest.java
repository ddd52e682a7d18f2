package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.testkit.VnodeIo;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * Emulated processes racing each other cannot plant a link between a check and a host call,
 * even through two mounts of one folder: the namespace lock is shared by all mounts of a type.
 */
public class HostfsRaceTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void swappingADirectoryThroughAnotherMountNeverLetsACreateOut() throws Exception {
        Path folder = tmp.newFolder("root").toPath();
        Path outside = tmp.newFolder("outside").toPath();
        HostfsVfsOps ops = new HostfsVfsOps();
        Vfs victim = ops.mount(folder.toString(), 0, Map.of());
        Vfs attacker = ops.mount(folder.toString(), 0, Map.of());
        Vnode d = victim.root().mkdir("d", Host.va(VType.VDIR, 0755));
        Vnode top = attacker.root();
        Vnode dAttacker = top.lookup("d");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> trouble = new AtomicReference<>();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Thread swapper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    top.rename("d", top, "d.away");
                    top.symlink("d", Host.va(VType.VLNK, 0777), outside.toString());
                    top.remove("d");
                    top.rename("d.away", top, "d");
                    // Leave the creator a moment with "d" in place, so that both sides progress.
                    LockSupport.parkNanos(20_000);
                }
            } catch (Throwable t) {
                trouble.set(t);
            }
        });
        // One create before the swapping starts: the victim's vnode works until its path is swapped
        // (then it stays stale, even once the directory is back).
        VnodeIo.write(d.create("before", Host.va(VType.VREG, 0644)), 0, "x");
        made.incrementAndGet();
        swapper.start();
        long start = System.nanoTime();
        long end = start + 700_000_000L;
        long limit = start + 10_000_000_000L;
        for (int i = 0; (System.nanoTime() < end || refused.get() == 0) && System.nanoTime() < limit
                && trouble.get() == null; i++) {
            try {
                Vnode f = d.create("f" + i, Host.va(VType.VREG, 0644));
                made.incrementAndGet();
                VnodeIo.write(f, 0, "x");
            } catch (ErrnoException e) {
                assertTrue(e.getMessage(), e.errno() == Errno.ESTALE || e.errno() == Errno.ENOENT);
                refused.incrementAndGet();
            }
        }
        stop.set(true);
        swapper.join();
        if (trouble.get() != null) {
            throw new AssertionError(trouble.get());
        }
        try (var s = Files.list(outside)) {
            assertEquals("nothing got out", 0, s.count());
        }
        try (var s = Files.list(folder.resolve("d"))) {
            assertEquals(made.get(), s.count());
        }
        assertTrue("the swap was met and refused: made " + made + ", refused " + refused, refused.get() > 0);
        assertEquals(VType.VDIR, dAttacker.type());
    }
}
