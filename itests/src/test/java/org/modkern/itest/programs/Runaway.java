package org.modkern.itest.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.modkern.libc.Libc;

/**
 * runaway MODE: says "ready" on its standard output, then runs away without another system call,
 * in the way MODE names (RunawayIT stops it with a signal, or it ends itself with one):
 * <pre>
 *   spin        a loop
 *   catchall    a loop inside a loop that catches every Throwable
 *   finally     a loop whose finally block loops
 *   swallow     a loop run by a FutureTask, which catches the kill, in a loop that catches what get() throws
 *   recurse     a recursion without loops that would take ages (fib(100))
 *   deep        a recursion without end (a stack overflow: SIGSEGV)
 *   deepcatch   the same, catching StackOverflowError and recursing again
 *   alloc       keeps 1 MiB arrays without end (the memory limit: SIGKILL)
 *   jdk         an endless stream, inside the JDK: no code of its own runs (Object::new is the JDK's)
 * </pre>
 */
public final class Runaway {
    private Runaway() {}

    private static long n;
    private static final List<byte[]> KEPT = new ArrayList<>();

    public static int main(Libc sys, String[] argv) throws Exception {
        String mode = argv.length > 1 ? argv[1] : "spin";
        if (mode.equals("jdk")) {
            java.util.stream.Stream.generate(Object::new).limit(1000).count(); // linked before "ready"
        }
        sys.out().println("ready");
        sys.flush();
        switch (mode) {
            case "spin" -> {
                while (true) {
                    n++;
                }
            }
            case "catchall" -> {
                while (true) {
                    try {
                        while (true) {
                            n++;
                        }
                    } catch (Throwable t) {
                        n = 0;
                    }
                }
            }
            case "finally" -> {
                try {
                    while (true) {
                        n++;
                    }
                } finally {
                    while (true) {
                        n--;
                    }
                }
            }
            case "swallow" -> {
                while (true) {
                    FutureTask<Object> f = new FutureTask<>(() -> {
                        while (true) {
                            n++;
                        }
                    });
                    f.run();
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        n = 0;
                    }
                }
            }
            case "recurse" -> {
                return (int) fib(100);
            }
            case "deep" -> {
                return deep(0);
            }
            case "deepcatch" -> {
                while (true) {
                    try {
                        return deep(0);
                    } catch (StackOverflowError e) {
                        n++;
                    }
                }
            }
            case "alloc" -> {
                while (true) {
                    KEPT.add(new byte[1 << 20]);
                }
            }
            case "huge" -> { // the program's own OutOfMemoryError, at once
                byte[] a = new byte[Integer.MAX_VALUE];
                return a.length;
            }
            case "jdk" -> {
                return (int) java.util.stream.Stream.generate(Object::new).count();
            }
            default -> {
                sys.err().println("runaway: unknown mode " + mode);
                return 2;
            }
        }
    }

    private static long fib(long k) {
        return k < 2 ? k : fib(k - 1) + fib(k - 2);
    }

    private static int deep(int depth) {
        return deep(depth + 1) + 1;
    }
}
