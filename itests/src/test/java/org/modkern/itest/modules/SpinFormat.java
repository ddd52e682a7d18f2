package org.modkern.itest.modules;

import java.util.Hashtable;
import org.modkern.exec.ExecImage;
import org.modkern.exec.ExecParams;
import org.modkern.exec.Execsw;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * An exec module: files starting "#!spin" run an image that calls getpid every few milliseconds
 * until a signal ends it, so a process runs under this format for as long as a test needs.
 */
public final class SpinFormat implements BundleActivator, Execsw {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Execsw.NAME, "spin");
        p.put(Execsw.ORDER, 5);
        ctx.registerService(Execsw.class, this, p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }

    @Override
    public boolean probe(byte[] header, int length) {
        return length >= 6 && new String(header, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equals("#!spin");
    }

    @Override
    public ExecImage load(ExecParams params) {
        return p -> {
            while (true) {
                p.args().set(0, 0, 0, 0, 0, 0);
                p.syscall(20);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
