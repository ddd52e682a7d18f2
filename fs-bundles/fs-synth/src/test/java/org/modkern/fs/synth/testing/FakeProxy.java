package org.modkern.fs.synth.testing;

import java.lang.reflect.Proxy;
import org.modkern.kern.Cred;
import org.modkern.kern.Proc;

/**
 * Fakes of kernel interfaces for tests (fs-synth's test-jar): a proxy answers the methods its fake
 * stands for and Object's own; any other method throws UnsupportedOperationException, so a test
 * notices when code under test starts using more of the interface.
 */
public final class FakeProxy {
    private FakeProxy() {}

    /** What an {@link Answers} returns for a method its fake does not stand for. */
    public static final Object UNANSWERED = new Object();

    /** Answers one call by method name, or returns {@link #UNANSWERED}. */
    @FunctionalInterface
    public interface Answers {
        Object answer(String method, Object[] args) throws Throwable;
    }

    /** A proxy of {@code type} named {@code label} (its toString), equal only to itself. */
    public static <T> T of(Class<T> type, String label, Answers answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        return switch (m.getName()) {
                            case "toString" -> label;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException("Object." + m.getName());
                        };
                    }
                    Object a = answers.answer(m.getName(), args);
                    if (a == UNANSWERED) {
                        throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName());
                    }
                    return a;
                }));
    }

    /** A calling process: just a pid and credentials (uid = gid). */
    public static Proc caller(int pid, int uid) {
        return of(Proc.class, "pid " + pid, (m, args) -> switch (m) {
            case "pid" -> pid;
            case "cred" -> new Cred(uid, uid);
            default -> UNANSWERED;
        });
    }
}
