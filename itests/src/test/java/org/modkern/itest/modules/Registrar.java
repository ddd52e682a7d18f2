package org.modkern.itest.modules;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import org.modkern.dev.Bdevsw;
import org.modkern.dev.Cdevsw;
import org.modkern.emul.Emul;
import org.modkern.exec.Execsw;
import org.modkern.kern.SyscallHandler;
import org.modkern.vfs.VfsOps;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A module that does what its manifest says, so that one class makes every kind of broken module.
 * {@code Test-Register}: services to register, comma-separated: {@code syscall:SLOT},
 * {@code cdev:NAME:MAJOR}, {@code bdev:NAME:MAJOR}, {@code vfs:NAME}, {@code exec:NAME:ORDER},
 * {@code emul:NAME}. {@code Test-Start} and {@code Test-Stop}, after registering and on stop:
 * {@code throw}, {@code hang} (waits until interrupted) or {@code spin} (ignores interrupts,
 * never ends); anything else returns.
 */
public final class Registrar implements BundleActivator {
    @Override
    public void start(BundleContext ctx) throws Exception {
        String what = ctx.getBundle().getHeaders().get("Test-Register");
        for (String spec : what == null ? new String[0] : what.split(",")) {
            if (!spec.isBlank()) {
                register(ctx, spec.trim().split(":"));
            }
        }
        behave(ctx.getBundle().getHeaders().get("Test-Start"), "start");
    }

    @Override
    public void stop(BundleContext ctx) throws Exception {
        behave(ctx.getBundle().getHeaders().get("Test-Stop"), "stop");
    }

    private static void behave(String how, String when) throws Exception {
        if ("throw".equals(how)) {
            throw new IllegalStateException(when + " fails on purpose");
        }
        if ("hang".equals(how)) {
            Object forever = new Object();
            synchronized (forever) {
                forever.wait();
            }
        }
        if ("spin".equals(how)) {
            spin();
        }
    }

    /** Never returns and ignores interrupts, as a buggy loop would. */
    private static void spin() {
        long n = 0;
        while (n >= 0) {
            Thread.interrupted();
            n = (n + 1) & Long.MAX_VALUE;
        }
    }

    private void register(BundleContext ctx, String[] s) {
        Hashtable<String, Object> p = new Hashtable<>();
        switch (s[0]) {
            case "syscall" -> {
                p.put("syscall.number", Integer.parseInt(s[1]));
                p.put("syscall.name", ctx.getBundle().getSymbolicName());
                ctx.registerService(SyscallHandler.class, (proc, args) -> 7, p);
            }
            case "cdev", "bdev" -> {
                p.put("dev.name", s[1]);
                p.put("dev.major", Integer.parseInt(s[2]));
                if (s[0].equals("cdev")) {
                    ctx.registerService(Cdevsw.class, proxy(Cdevsw.class), p);
                } else {
                    ctx.registerService(Bdevsw.class, proxy(Bdevsw.class), p);
                }
            }
            case "vfs" -> {
                p.put(VfsOps.NAME, s[1]);
                ctx.registerService(VfsOps.class, proxy(VfsOps.class), p);
            }
            case "exec" -> {
                p.put(Execsw.NAME, s[1]);
                p.put(Execsw.ORDER, Integer.parseInt(s[2]));
                ctx.registerService(Execsw.class, proxy(Execsw.class), p);
            }
            case "emul" -> {
                p.put(Emul.NAME, s[1]);
                ctx.registerService(Emul.class, proxy(Emul.class), p);
            }
            default -> throw new IllegalArgumentException("Test-Register: " + String.join(":", s));
        }
    }

    /** A service object in this one class: default methods as they are, the rest answer nothing. */
    private <T> T proxy(Class<T> type) {
        InvocationHandler h = (proxy, m, args) -> {
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, m, args);
            }
            return switch (m.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "Registrar's " + type.getSimpleName();
                case "sysentSize" -> 64;
                case "syscalls" -> Map.of();
                default -> m.getReturnType() == boolean.class ? false
                        : m.getReturnType() == int.class ? 0 : m.getReturnType() == long.class ? 0L : null;
            };
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h));
    }
}
