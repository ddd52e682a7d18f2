package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.WiredService;
import org.osgi.framework.Bundle;

/**
 * Makes /dev/lkm the way lkm(4) says a driver's nodes are made: once the kernel has given the lkm
 * device its major, run /sbin/mknod inside the system. Done on a thread of its own, bounded.
 */
final class DevLkmNode {
    private DevLkmNode() {}

    static void makeWhenAttached(Kernel kernel, Bundle lkmBundle) {
        Thread t = new Thread(() -> {
            long end = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < end) {
                for (WiredService w : kernel.wired(lkmBundle)) {
                    if (w.table().equals("cdevsw") && w.name().equals("lkm")) {
                        mknod(kernel, w.value());
                        return;
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
            kernel.log("lkm: the lkm device was not attached within 10 s: no /dev/lkm");
        }, "lkm-mknod");
        t.setDaemon(true);
        t.start();
    }

    private static void mknod(Kernel kernel, int major) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] argv = {"/sbin/mknod", "-m", "0640", "/dev/lkm", "c", Integer.toString(major), "0"};
        try {
            int status = kernel.run(argv, new ByteArrayInputStream(new byte[0]), out);
            String said = out.toString(StandardCharsets.UTF_8).trim();
            kernel.log(status == 0 ? "lkm: mknod /dev/lkm c " + major + " 0"
                    : said.contains("File exists") ? "lkm: /dev/lkm already exists"
                    : "lkm: making /dev/lkm failed: " + said);
        } catch (ErrnoException e) {
            kernel.log("lkm: cannot make /dev/lkm: " + e.getMessage());
        }
    }
}
