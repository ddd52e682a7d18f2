package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 7, promise 5: a native program is confined to system calls. Each program of the catalogue
 * (itests/src/test/java/org/modkern/itest/refused and one impostor in org.modkern.kern.impostor, one
 * class file each under /usr/tests/escapes)
 * reaches for the host or the JVM; each is exec'd in the real system and must be refused with
 * ENOEXEC naming its class and a reference it may not use. Sentinels prove that nothing ran: a
 * host directory the attempts would write into stays empty, no system property or default locale
 * changed, nothing connected to a host port, no thread pool or timer thread appeared. Afterwards the
 * kernel answers a probe of system calls, and no process is left.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EscapeIT extends KernelTestSupport {
    private static final String PACKAGE = "org.modkern.itest.refused.";

    /** Each attempt, and the references whose refusal proves the check saw it (any one of them). */
    private static final Map<String, List<String>> CATALOGUE = new LinkedHashMap<>();

    private static void attempt(String name, String... references) {
        CATALOGUE.put(name, List.of(references));
    }

    static {
        // Host files: the emulated system's files are reached only through open(2) and friends.
        attempt("HostFileWrite", "java.io.FileOutputStream");
        attempt("HostNioWrite", "java.nio.file.Files", "java.nio.file.Path");
        attempt("HostRandomAccess", "java.io.RandomAccessFile");
        attempt("HostPrintStream", "java.io.PrintStream.<init>");
        attempt("HostFileChannel", "java.nio.channels.FileChannel", "java.nio.file.Path", "java.nio.file.StandardOpenOption",
                "java.nio.file.OpenOption");
        attempt("HostLogFile", "java.util.logging.FileHandler");
        attempt("HostJarTool", "java.util.spi.ToolProvider", "java.lang.System.out", "java.lang.System.err");
        attempt("HostPreferences", "java.util.prefs.Preferences");
        attempt("HostFlightRecorder", "jdk.jfr.Recording", "java.nio.file.Path");
        // The JVM itself.
        attempt("JvmExit", "java.lang.System.exit");
        attempt("JvmHalt", "java.lang.Runtime");
        attempt("JvmShutdownHook", "java.lang.Runtime", "java.lang.Thread", "java.nio.file.Files", "java.nio.file.Path");
        attempt("JvmSetProperty", "java.lang.System.setProperty");
        attempt("JvmLoadLibrary", "java.lang.System.load");
        attempt("JvmGcStorm", "java.lang.System.gc");
        attempt("JvmDefaultLocale", "java.util.Locale.setDefault");
        attempt("JvmMxBean", "java.lang.management.ManagementFactory", "java.lang.management.MemoryMXBean",
                "java.lang.management.RuntimeMXBean");
        attempt("JvmUnsafe", "sun.misc.Unsafe", "java.lang.reflect.Field");
        attempt("JvmScriptEngine", "javax.script.ScriptEngineManager", "javax.script.ScriptEngine");
        attempt("JvmNativeMethod", "native method escape()I");
        attempt("JvmInstrument", "java.lang.instrument.ClassFileTransformer", "java.security.ProtectionDomain");
        attempt("StaticInitializer", "java.lang.Runtime");
        // Host processes, and code on threads the kernel does not know.
        attempt("HostProcess", "java.lang.ProcessBuilder", "java.lang.Process");
        attempt("HostRuntimeExec", "java.lang.Runtime", "java.lang.Process");
        attempt("ThreadStart", "java.lang.Thread");
        attempt("ThreadPool", "java.util.concurrent.Executors");
        attempt("ThreadCommonPool", "java.util.concurrent.ForkJoinPool");
        attempt("ThreadAsync", "java.util.concurrent.CompletableFuture");
        attempt("ThreadParallelStream", "java.util.stream.IntStream.parallel");
        attempt("ThreadTimer", "java.util.TimerTask", "java.util.Timer", "java.lang.System.setProperty");
        attempt("ThreadFinalizer", "a finalizer, finalize()V");
        attempt("ThreadSharedMonitor", "synchronized (monitorenter in main");
        attempt("ThreadPark", "java.util.concurrent.locks.LockSupport");
        // Classes and members by name, class loaders, JVM-wide registries.
        attempt("ReflectForName", "java.lang.Class.forName");
        attempt("ReflectInvoke", "java.lang.reflect.Method", "java.lang.Class.getMethod", "java.lang.System.exit");
        attempt("ReflectLookup", "java.lang.invoke.MethodHandles.lookup", "java.lang.invoke.MethodHandles$Lookup.findStatic",
                "java.lang.invoke.MethodType");
        attempt("ReflectMethodRef", "java.lang.System.exit");
        attempt("ReflectClassLoader", "java.lang.ClassLoader");
        attempt("ReflectServices", "java.util.ServiceLoader", "java.sql.Driver");
        attempt("ReflectDeserialize", "java.io.ObjectInputStream");
        attempt("ReflectZoneRules", "java.time.zone.ZoneRulesProvider");
        // The network.
        attempt("NetSocket", "java.net.Socket");
        attempt("NetHttpClient", "java.net.URI", "java.net.http.HttpClient", "java.net.http.HttpRequest",
                "java.net.http.HttpResponse");
        attempt("NetUrl", "java.net.URL");
        attempt("NetDns", "java.net.InetAddress");
        // The host's own streams, terminal, environment and display.
        attempt("HostStdout", "java.lang.System.out");
        attempt("HostConsole", "java.lang.System.console", "java.io.Console");
        attempt("HostEnvironment", "java.lang.System.getenv");
        attempt("HostDesktop", "java.awt.Desktop", "java.io.File");
        // Memory outside the heap, where the kernel's memory limit does not see it.
        attempt("MemDirectBuffers", "java.nio.ByteBuffer.allocateDirect");
        attempt("MemDeflaters", "java.util.zip.Deflater");
        // A jar entry java/lang/Thread.class, so that Thread would pass for the program's own class;
        // a class named in the kernel's packages.
        attempt("ShadowJdkClass", "a jar entry holding class org.modkern.itest.refused.ThreadStart");
        attempt("KernelNamed", "the name org.modkern.kern.impostor.KernelNamed");
    }

    @Test
    public void everyEscapeIsRefusedAndNothingTouchesTheHost() throws Exception {
        Path sentinel = Files.createTempDirectory(Files.createDirectories(
                Path.of(System.getProperty("modkern.itest.hostdir"), "escapes")), "sentinel");
        Locale locale = Locale.getDefault();
        Set<String> threadsBefore = threadNames();
        int messagesBefore = kernel.messages().size();
        List<String> wrong = new ArrayList<>();
        try (ServerSocket port = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (Map.Entry<String, List<String>> a : CATALOGUE.entrySet()) {
                String name = a.getKey();
                String path = "/usr/tests/escapes/" + name;
                String message = refusal("kern:run " + path + " " + sentinel + " " + port.getLocalPort());
                String prefix = "ENOEXEC: " + path + ": class ";
                boolean named = message != null && message.startsWith(prefix)
                        && message.contains(" which a native program may not: ")
                        && a.getValue().stream().anyMatch(r -> message.contains(" uses " + r));
                boolean thisClass = message != null && (message.startsWith(prefix + PACKAGE + name + " uses ")
                        || name.equals("ShadowJdkClass") || name.equals("KernelNamed"));
                if (!named || !thisClass) {
                    wrong.add(name + ": " + message);
                }
                System.out.println(message); // the catalogue's refusals, for docs/reliability/escapes.md
            }
            assertNoConnection(port);
        }
        assertTrue("attempts not refused as expected:\n" + String.join("\n", wrong), wrong.isEmpty());
        assertEquals(53, CATALOGUE.size());

        // The sentinels: nothing any attempt would have done to the host happened.
        try (Stream<Path> s = Files.list(sentinel)) {
            assertEquals("files the attempts would have made on the host", List.of(), s.collect(Collectors.toList()));
        }
        Files.delete(sentinel);
        assertEquals("system properties set", List.of(), System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith("modkern.escaped")).collect(Collectors.toList()));
        assertEquals(locale, Locale.getDefault());
        List<String> newThreads = threadNames().stream().filter(n -> !threadsBefore.contains(n))
                .filter(n -> n.startsWith("ForkJoinPool") || n.startsWith("pool-") || n.startsWith("Timer-")
                        || n.startsWith("HttpClient") || n.startsWith("Thread-"))
                .collect(Collectors.toList());
        assertEquals("threads the attempts would have started", List.of(), newThreads);
        List<String> faults = kernel.messages().subList(messagesBefore, kernel.messages().size()).stream()
                .filter(l -> l.contains("fault") || l.contains("aborted")).collect(Collectors.toList());
        assertEquals("faults logged during the attempts", List.of(), faults);

        // The kernel and the JVM carry on: a probe of system calls, and no process left over.
        assertKernelAnswers();
    }

    @Test
    public void theCheckIsNoBlanketRefusal() throws Exception {
        // The same system runs an ordinary program that makes system calls and uses java.* freely.
        String out = gogo("kern:run /usr/tests/getpidloop 200");
        assertTrue(out, out.matches("calls=\\d+ failures=0\\s*"));
        assertKernelAnswers();
    }

    /** Runs {@code command}, which must fail; returns its message (null when it succeeded). */
    private String refusal(String command) throws Exception {
        try {
            gogo(command);
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static void assertNoConnection(ServerSocket port) throws IOException {
        port.setSoTimeout(50);
        try {
            port.accept().close();
            fail("an attempt connected to the host port");
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private void assertKernelAnswers() throws Exception {
        KernelProbe.assertHealthy(kernel, this::gogo);
    }
}
