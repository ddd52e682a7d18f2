package org.modkern.kernel.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.KFile;

/**
 * Fault containment: an exception thrown by module code inside a call fails that call with EIO
 * and is logged with the module's name, the call and the cause; the kernel carries on.
 * The module is found by the first stack frame in a package of a wired module.
 */
public final class Faults {
    private final MsgBuf msgbuf;
    private final Map<String, String> moduleByPackage = new ConcurrentHashMap<>();

    public Faults(MsgBuf msgbuf) {
        this.msgbuf = msgbuf;
    }

    /** Remembers that classes of {@code service}'s package belong to {@code module}. */
    public void register(Object service, String module) {
        moduleByPackage.put(service.getClass().getPackageName(), module);
    }

    /** The module whose code threw {@code t}, or {@code fallback}. */
    public String culprit(Throwable t, String fallback) {
        for (StackTraceElement f : t.getStackTrace()) {
            String cls = f.getClassName();
            int dot = cls.lastIndexOf('.');
            String module = dot > 0 ? moduleByPackage.get(cls.substring(0, dot)) : null;
            if (module != null) {
                return module;
            }
        }
        return fallback;
    }

    /** Logs a fault in {@code call} for {@code p} and returns the EIO the call fails with. */
    public ErrnoException contain(Throwable t, String owner, String call, ProcImpl p) {
        String module = culprit(t, owner);
        String cause = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        msgbuf.log("fault: module " + module + " threw in " + call + " for pid " + p.pid()
                + " (" + p.comm() + "): " + cause + where + "; the call failed with EIO");
        return new ErrnoException(Errno.EIO, call + " failed inside module " + module + " (" + cause
                + "); see dmesg");
    }

    /** A program's own uncaught exception: reported on its stderr and in the message buffer. */
    public void uncaught(ProcImpl p, Throwable t) {
        String cause = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        String at = st.length > 0 ? " at " + st[0] : "";
        String line = p.comm() + ": uncaught " + cause + at + "\n";
        msgbuf.log("pid " + p.pid() + " (" + p.comm() + ") aborted: " + cause + at);
        try {
            KFile err = p.fd() == null ? null : p.fd().get(2);
            if (err != null) {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                err.write(Uio.kernel(p, b, 0, b.length, Uio.Rw.WRITE, 0));
            }
        } catch (ErrnoException | RuntimeException ignored) {
            // stderr closed or broken: the message buffer has it.
        }
    }

    public void log(String message) {
        msgbuf.log(message);
    }
}
