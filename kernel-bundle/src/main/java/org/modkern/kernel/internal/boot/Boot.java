package org.modkern.kernel.internal.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.KernelImpl;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.Mount;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.VType;

/**
 * Bringing the system up (main() and vfs_mountroot in BSD): wait for the root file-system type,
 * mount it, fill it from the root image, mount a tmpfs on /tmp, and make /dev/console with mknod
 * once the console driver is attached.
 */
public final class Boot {
    private final KernelImpl k;

    public Boot(KernelImpl k) {
        this.k = k;
    }

    /** Runs the boot; throws with the reason when the system cannot come up. */
    public void run() throws Exception {
        long deadline = System.currentTimeMillis() + k.config.bootTimeoutMillis();
        String rootfs = k.config.rootfs();
        k.log(KernelImpl.OSTYPE + " " + k.config.release() + " booting; boot set " + k.config.bootSet());
        if (!await(() -> k.vfsTypes.has(rootfs), deadline)) {
            throw new IllegalStateException("no module provides the root file system type " + rootfs
                    + " (is its bundle in modkern.bootset?)");
        }
        Mount root = k.mounter.mountRoot(rootfs, Map.of());
        k.log("root file system: " + root.describe());
        ProcImpl proc0 = k.procs.proc0();
        VnodeRef rootRef = new VnodeRef(root, root.root());
        proc0.setRoot(rootRef);
        proc0.setCwd(rootRef);
        proc0.setFd(new FileDesc());
        proc0.setSysent(k.emuls.sysent(org.modkern.kern.SyscallService.NATIVE));
        proc0.setUmask(0);
        for (String image : k.config.rootImages()) {
            if (Files.isDirectory(Path.of(image))) {
                int n = RootImage.populate(k.vfs, proc0, Path.of(image));
                k.log("root image " + image + ": " + n + " files");
            } else {
                k.log("root image " + image + " is not a directory: skipped");
            }
        }
        if (k.config.rootImages().isEmpty()) {
            k.log("no root image (modkern.root.image is not set): the root file system starts empty");
        }
        ensureDir(proc0, "/dev", 0755);
        ensureDir(proc0, "/tmp", 01777);
        Mount tmp = k.mounter.mount(proc0, rootfs, null, "/tmp", 0, Map.of());
        k.log("mounted " + tmp.describe());
        k.vfs.chmod(proc0, "/tmp", 01777);
        if (await(() -> k.devsw.cdevMajor("console") >= 0, deadline)) {
            int major = k.devsw.cdevMajor("console");
            k.vfs.mknod(proc0, "/dev/console", VType.VCHR.ifmt() | 0600,
                    org.modkern.dev.DevService.makedev(major, 0));
            k.log("mknod /dev/console c " + major + " 0");
        } else {
            k.log("no console driver attached: /dev/console not made");
        }
        proc0.setUmask(022);
    }

    private void ensureDir(ProcImpl p, String path, int mode) throws ErrnoException {
        try {
            k.vfs.mkdir(p, path, mode);
        } catch (ErrnoException e) {
            if (e.errno() != org.modkern.kern.Errno.EEXIST) {
                throw e;
            }
        }
    }

    private static boolean await(BooleanSupplier cond, long deadline) throws InterruptedException {
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
