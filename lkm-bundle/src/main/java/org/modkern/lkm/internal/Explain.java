package org.modkern.lkm.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.osgi.framework.BundleException;

/** Turns what the framework said about a failed install, resolve or start into a module error. */
final class Explain {
    private Explain() {}

    private static final Pattern MODULE = Pattern.compile("modkern\\.module=([A-Za-z0-9_.-]+)");
    private static final Pattern EMUL = Pattern.compile("modkern\\.emul=([A-Za-z0-9_.-]+)");
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([A-Za-z0-9_.]+)");
    private static final Pattern BUNDLE = Pattern.compile("osgi\\.wiring\\.bundle=([A-Za-z0-9_.]+)");

    static ErrnoException install(String name, BundleException e) {
        if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return new ErrnoException(Errno.EEXIST, "module " + name + ": its bundle is already installed");
        }
        return new ErrnoException(Errno.ENOEXEC, "module " + name + ": the framework refused the bundle: "
                + e.getMessage());
    }

    /** A start that failed: an unresolved requirement names what is missing; else the activator's cause. */
    static ErrnoException start(String name, BundleException e) {
        String msg = String.valueOf(e.getMessage());
        if (e.getType() == BundleException.RESOLVE_ERROR || msg.startsWith("Unable to resolve")) {
            Matcher m = MODULE.matcher(msg);
            if (m.find()) {
                return new ErrnoException(Errno.ENOENT, "module " + name + " requires module " + m.group(1)
                        + ", which is not loaded (load it first)");
            }
            m = EMUL.matcher(msg);
            if (m.find()) {
                return new ErrnoException(Errno.ENOENT, "module " + name + " runs programs under emulation "
                        + m.group(1) + ", which is not loaded (load its emulation module first)");
            }
            m = PACKAGE.matcher(msg);
            if (m.find()) {
                return new ErrnoException(Errno.ENOENT, "module " + name + " needs package " + m.group(1)
                        + ", which no loaded module provides");
            }
            m = BUNDLE.matcher(msg);
            if (m.find()) {
                return new ErrnoException(Errno.ENOENT, "module " + name + " requires bundle " + m.group(1)
                        + ", which is not installed");
            }
            return new ErrnoException(Errno.ENOENT, "module " + name + " cannot be resolved: " + firstLine(msg));
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new ErrnoException(Errno.EIO, "module " + name + " failed to start: " + describe(cause));
    }

    static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The errno a kernel refusal names ("...: EEXIST: major 0 is taken ..."), else EINVAL. */
    static int errnoOf(String refusal) {
        Matcher m = Pattern.compile("\\b(E[A-Z0-9]+):").matcher(refusal);
        while (m.find()) {
            int n = Errno.byName(m.group(1));
            if (n > 0) {
                return n;
            }
        }
        return Errno.EINVAL;
    }
}
