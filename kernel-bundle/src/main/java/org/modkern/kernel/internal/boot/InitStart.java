package org.modkern.kernel.internal.boot;

import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.KernelImpl;
import org.modkern.kernel.internal.MsgBufTerminal;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.shell.OperatorRun;

/**
 * Starts init as pid 1 once the kernel is up (BSD's main() ending in start_init): a child of proc0,
 * descriptors 0, 1, 2 on /dev/console, a console whose output goes to the message buffer. The
 * system counts as up when init's first child (/etc/rc) has exited, when there is no init, or when
 * rc has not finished within the boot timeout.
 */
public final class InitStart {
    private InitStart() {}

    public static void start(KernelImpl k, Runnable up) {
        String init = k.config.init();
        ProcImpl proc0 = k.procs.proc0();
        if (init == null) {
            k.log("init: none (modkern.init=none)");
            up.run();
            return;
        }
        try {
            k.vfs.namei().lookup(proc0.nameiCtx(), init, true);
        } catch (ErrnoException e) {
            k.log("init: " + init + " not found: running without init");
            up.run();
            return;
        }
        Runnable once = new Once(up);
        k.procs.onRcDone(once);
        try {
            k.spawner.spawn(proc0, init, new String[] {init}, OperatorRun.ENV, java.util.List.of(),
                    new MsgBufTerminal(k.msgbuf), OperatorRun.consoleFds(k, proc0), true);
            k.log("init: started " + init + " as pid 1");
        } catch (ErrnoException | RuntimeException e) {
            k.log("init: cannot start " + init + ": " + e.getMessage());
            once.run();
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(k.config.bootTimeoutMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!((Once) once).done()) {
                k.log("init: /etc/rc still runs after " + k.config.bootTimeoutMillis() + " ms: the system is up anyway");
                once.run();
            }
        }, "modkern-init-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static final class Once implements Runnable {
        private final Runnable r;
        private boolean done;

        Once(Runnable r) {
            this.r = r;
        }

        synchronized boolean done() {
            return done;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            r.run();
        }
    }
}
