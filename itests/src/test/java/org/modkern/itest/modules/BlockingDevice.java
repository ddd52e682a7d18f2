package org.modkern.itest.modules;

import java.util.Hashtable;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A device module whose reads wait until interrupted: a process reading it holds it open. */
public final class BlockingDevice implements BundleActivator, Cdevsw {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("dev.name", "waiter");
        p.put("dev.major", -1);
        ctx.registerService(Cdevsw.class, this, p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }

    @Override
    public int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        synchronized (this) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErrnoException(Errno.EINTR, "waiter read interrupted");
            }
        }
        return 0;
    }
}
