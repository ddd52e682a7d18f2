package org.modkern.exec.nativefmt;

import java.util.List;
import java.util.Set;

/**
 * What a native program may not name. Its class loader shows it all of java.*, but a program is
 * to reach the system only through libc's system calls: whatever would let it touch the host (files,
 * network, processes, the JVM's own state), run code off its process's thread, or name classes and
 * members by string (reflection, class loading) is refused when the program is loaded.
 *
 * <p>A class entry is a binary name, which covers the class and its nested classes, or a package
 * prefix ending in '.', which covers the package and those below it.
 */
final class DenyList {
    private DenyList() {}

    private static final String HOST = "a program reaches the system only through libc";
    private static final String PROCESSES = "processes are the kernel's: a program starts one with libc's spawn";
    private static final String THREADS = "a process has one thread, its own, which the kernel signals and waits for";
    private static final String REFLECTION = "reflection and class loading name classes by string, past this check";
    private static final String HOST_JVM = "it reads or changes the host JVM, not the emulated system";
    private static final String UNSEEN = "a native program sees java.* and org.modkern.libc only";
    private static final String SHARED = "it installs code or state that the kernel and every other process share";
    private static final String BLOCKS = "a program waits only inside a system call, where a signal reaches it";
    private static final String NATIVE_MEMORY = "it holds memory outside the heap, where the kernel's memory limit does not see it";
    private static final String MONITORS = "a lock on an object shared with other processes (a string literal, a class)"
            + " could hang them where no signal reaches";

    private record Rule(String name, String why) {
        boolean covers(String c) {
            return name.endsWith(".") ? c.startsWith(name)
                    : c.equals(name) || c.startsWith(name) && c.charAt(name.length()) == '$';
        }
    }

    /** owner "*" is any class; name "*" any member, "x*" those whose name starts with x. */
    private record MemberRule(String owner, String name, String descriptorPrefix, String why) {
        boolean covers(ClassFile.Member m) {
            return (owner.equals("*") || owner.equals(m.owner()))
                    && (name.endsWith("*") ? m.name().startsWith(name.substring(0, name.length() - 1))
                            : name.equals(m.name()))
                    && m.descriptor().startsWith(descriptorPrefix);
        }
    }

    /**
     * What compiled code needs of java.lang.invoke: lambdas (LambdaMetafactory), string
     * concatenation (StringConcatFactory) and records (java.lang.runtime.ObjectMethods) bootstrap
     * through these types, and javac names MethodHandles$Lookup in every class that has a lambda.
     * The handles themselves come from the class's own constants, which are checked member by member;
     * MethodHandles and Lookup, which make handles from strings, are refused as members below.
     */
    private static final Set<String> INVOKE_ALLOWED = Set.of(
            "java.lang.invoke.LambdaMetafactory", "java.lang.invoke.StringConcatFactory",
            "java.lang.invoke.MethodHandles", "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodHandle", "java.lang.invoke.MethodType", "java.lang.invoke.CallSite",
            "java.lang.invoke.TypeDescriptor", "java.lang.invoke.TypeDescriptor$OfField",
            "java.lang.invoke.TypeDescriptor$OfMethod");

    private static final List<Rule> CLASSES = List.of(
            // Host files: a program's files are the emulated file system's, through open(2) and read(2).
            new Rule("java.io.File", HOST),
            new Rule("java.io.FileDescriptor", HOST),
            new Rule("java.io.FileInputStream", HOST),
            new Rule("java.io.FileOutputStream", HOST),
            new Rule("java.io.FileReader", HOST),
            new Rule("java.io.FileWriter", HOST),
            new Rule("java.io.RandomAccessFile", HOST),
            new Rule("java.io.Console", HOST), // the host's terminal, not the process's descriptors
            new Rule("java.nio.file.", HOST),
            new Rule("java.nio.channels.", HOST), // FileChannel, sockets, selectors
            new Rule("java.util.zip.ZipFile", HOST), // opens a host file by name
            new Rule("java.util.jar.JarFile", HOST),
            new Rule("java.util.logging.", HOST), // FileHandler writes host files; LogManager reads them
            new Rule("java.util.prefs.", HOST), // stored in the host's files
            // The network: the emulated system has none but what the kernel gives.
            new Rule("java.net.", HOST),
            new Rule("java.rmi.", HOST),
            new Rule("java.sql.", HOST), // drivers open connections and files, loaded by name
            // Host processes.
            new Rule("java.lang.ProcessBuilder", PROCESSES),
            new Rule("java.lang.Process", PROCESSES),
            new Rule("java.lang.ProcessHandle", PROCESSES), // lists and kills the host's processes
            new Rule("java.lang.Runtime", PROCESSES), // exec, exit, halt, load
            // Threads: code on another thread escapes the process (signals, exit, wait4).
            new Rule("java.lang.Thread", THREADS),
            new Rule("java.lang.ThreadGroup", THREADS),
            new Rule("java.lang.ThreadBuilders", THREADS),
            new Rule("java.util.Timer", THREADS),
            new Rule("java.lang.ref.Cleaner", THREADS), // runs cleaning actions on its own thread
            new Rule("java.util.concurrent.Executors", THREADS),
            new Rule("java.util.concurrent.ThreadPoolExecutor", THREADS),
            new Rule("java.util.concurrent.ScheduledThreadPoolExecutor", THREADS),
            new Rule("java.util.concurrent.ForkJoinPool", THREADS),
            new Rule("java.util.concurrent.ForkJoinTask", THREADS), // fork() runs on the common pool
            new Rule("java.util.concurrent.RecursiveTask", THREADS),
            new Rule("java.util.concurrent.RecursiveAction", THREADS),
            new Rule("java.util.concurrent.CountedCompleter", THREADS),
            new Rule("java.util.concurrent.CompletableFuture", THREADS), // *Async on the common pool
            new Rule("java.util.concurrent.SubmissionPublisher", THREADS),
            new Rule("java.util.stream.StreamSupport", THREADS), // its parallel flag
            // Waiting outside the kernel: park, uninterruptible waits, synchronizers between threads.
            new Rule("java.util.concurrent.locks.", BLOCKS),
            new Rule("java.util.concurrent.CountDownLatch", BLOCKS),
            new Rule("java.util.concurrent.CyclicBarrier", BLOCKS),
            new Rule("java.util.concurrent.Semaphore", BLOCKS),
            new Rule("java.util.concurrent.Phaser", BLOCKS),
            new Rule("java.util.concurrent.Exchanger", BLOCKS),
            // Reflection and class loading.
            new Rule("java.lang.reflect.", REFLECTION),
            new Rule("java.lang.invoke.", REFLECTION), // but INVOKE_ALLOWED
            new Rule("java.lang.ClassLoader", REFLECTION), // and so any subclass the program writes
            new Rule("java.security.SecureClassLoader", REFLECTION),
            new Rule("java.lang.Module", REFLECTION), // addOpens, addExports
            new Rule("java.lang.ModuleLayer", REFLECTION),
            new Rule("java.lang.module.", REFLECTION),
            new Rule("java.lang.StackWalker", REFLECTION), // hands out the kernel's Class objects
            new Rule("java.util.ServiceLoader", REFLECTION),
            new Rule("java.util.spi.", HOST), // ToolProvider runs javac, jar ... in the JVM, on host files
            new Rule("java.lang.constant.", REFLECTION), // ClassDesc.of("java.lang.System") ...
            new Rule("java.io.ObjectInputStream", REFLECTION), // deserialising makes objects of classes named in the stream
            new Rule("java.beans.", REFLECTION), // Statement and Expression call methods by name
            // The host JVM's own state and tools.
            new Rule("java.lang.SecurityManager", HOST_JVM),
            new Rule("java.lang.management.", HOST_JVM),
            new Rule("java.lang.instrument.", HOST_JVM),
            new Rule("java.security.Security", HOST_JVM), // JVM-wide providers and properties
            new Rule("java.security.Policy", HOST_JVM),
            new Rule("java.awt.", HOST_JVM), // the host's display
            new Rule("java.applet.", HOST_JVM),
            new Rule("java.lang.Compiler", HOST_JVM),
            new Rule("java.lang.foreign.", HOST), // native calls and memory (JDK 22 on)
            new Rule("java.time.zone.ZoneRulesProvider", SHARED), // registerProvider: code every ZoneId.of runs
            new Rule("java.io.ObjectInputFilter", SHARED), // Config.setSerialFilter is JVM-wide
            // zlib's state is native memory, freed only by end() or a Cleaner after a GC: a deflater's
            // is some 256 KiB per object of a few hundred heap bytes. Reading archives (JarInputStream,
            // GZIPInputStream: an inflater of some 7-40 KiB each) stays allowed; modload needs it.
            new Rule("java.util.zip.Deflater", NATIVE_MEMORY),
            new Rule("java.util.zip.Inflater", NATIVE_MEMORY),
            new Rule("java.util.zip.DeflaterInputStream", NATIVE_MEMORY),
            new Rule("java.util.zip.DeflaterOutputStream", NATIVE_MEMORY),
            new Rule("java.util.zip.InflaterOutputStream", NATIVE_MEMORY),
            new Rule("java.util.zip.GZIPOutputStream", NATIVE_MEMORY),
            new Rule("java.util.zip.ZipOutputStream", NATIVE_MEMORY),
            new Rule("java.util.jar.JarOutputStream", NATIVE_MEMORY),
            // Not java.*: the loader does not show these, but a clear refusal beats NoClassDefFoundError.
            new Rule("javax.", UNSEEN),
            new Rule("sun.", UNSEEN),
            new Rule("com.sun.", UNSEEN),
            new Rule("jdk.", UNSEEN), // jdk.internal, jdk.jfr (writes host files), jdk.net ...
            // The kernel's and the modules' classes, this module's signal checks among them (but libc).
            new Rule("org.modkern.", UNSEEN));

    private static final List<MemberRule> MEMBERS = List.of(
            // System is needed (arraycopy, currentTimeMillis, nanoTime, identityHashCode), these are not.
            new MemberRule("java.lang.System", "exit", "",
                    "it would stop the host JVM: a program ends by returning from main or with libc's exit"),
            new MemberRule("java.lang.System", "load", "", HOST_JVM), // native code into the host
            new MemberRule("java.lang.System", "loadLibrary", "", HOST_JVM),
            new MemberRule("java.lang.System", "in", "", // the host's streams; libc has the process's
                    "it is the host's standard stream: a program's are libc's in(), out() and err()"),
            new MemberRule("java.lang.System", "out", "",
                    "it is the host's standard stream: a program's are libc's in(), out() and err()"),
            new MemberRule("java.lang.System", "err", "",
                    "it is the host's standard stream: a program's are libc's in(), out() and err()"),
            new MemberRule("java.lang.System", "setIn", "", HOST_JVM),
            new MemberRule("java.lang.System", "setOut", "", HOST_JVM),
            new MemberRule("java.lang.System", "setErr", "", HOST_JVM),
            new MemberRule("java.lang.System", "console", "", HOST),
            new MemberRule("java.lang.System", "inheritedChannel", "", HOST),
            new MemberRule("java.lang.System", "getenv", "",
                    "it reads the host's environment: libc's getenv reads the process's"),
            new MemberRule("java.lang.System", "getProperty", "", HOST_JVM),
            new MemberRule("java.lang.System", "getProperties", "", HOST_JVM),
            new MemberRule("java.lang.System", "setProperty", "", HOST_JVM),
            new MemberRule("java.lang.System", "setProperties", "", HOST_JVM),
            new MemberRule("java.lang.System", "clearProperty", "", HOST_JVM),
            new MemberRule("java.lang.System", "getLogger", "", HOST_JVM),
            new MemberRule("java.lang.System", "setSecurityManager", "", HOST_JVM),
            new MemberRule("java.lang.System", "gc", "", "a full collection stops every process and the kernel"),
            new MemberRule("java.lang.System", "runFinalization", "", HOST_JVM),
            new MemberRule("java.lang.Throwable", "printStackTrace", "()V",
                    "it writes to the host's standard error: print the trace to libc's err()"),
            // Object.wait whatever the receiver's class (every class inherits it, none may override it).
            new MemberRule("java.lang.Object", "wait", "", BLOCKS),
            new MemberRule("java.util.concurrent.TimeUnit", "sleep", "", BLOCKS), // Thread.sleep, outside the kernel
            new MemberRule("java.util.concurrent.TimeUnit", "timedWait", "", BLOCKS),
            new MemberRule("java.util.concurrent.TimeUnit", "timedJoin", "", BLOCKS),
            new MemberRule("java.nio.ByteBuffer", "allocateDirect", "", NATIVE_MEMORY),
            // Reader and Writer lock the object given: a program's subclass could pass a shared one.
            new MemberRule("java.io.Reader", "<init>", "(Ljava/lang/Object;", MONITORS),
            new MemberRule("java.io.Writer", "<init>", "(Ljava/lang/Object;", MONITORS),
            // System properties read through the boxes.
            new MemberRule("java.lang.Integer", "getInteger", "", HOST_JVM),
            new MemberRule("java.lang.Long", "getLong", "", HOST_JVM),
            new MemberRule("java.lang.Boolean", "getBoolean", "", HOST_JVM),
            // JVM-wide defaults, shared with every other process and the host.
            new MemberRule("java.util.Locale", "setDefault", "", HOST_JVM),
            new MemberRule("java.util.TimeZone", "setDefault", "", HOST_JVM),
            // Class by name, instances without a constructor reference, the loader behind a class.
            new MemberRule("java.lang.Class", "forName", "", REFLECTION),
            new MemberRule("java.lang.Class", "newInstance", "", REFLECTION),
            new MemberRule("java.lang.Class", "getClassLoader", "", REFLECTION),
            new MemberRule("java.lang.Class", "getProtectionDomain", "", REFLECTION),
            // Handles from strings (findStatic(System.class, "exit", ...)), private lookups, defineClass.
            new MemberRule("java.lang.invoke.MethodHandles", "*", "", REFLECTION),
            new MemberRule("java.lang.invoke.MethodHandles$Lookup", "*", "", REFLECTION),
            // Constructors that open a host file by name: PrintStream(String fileName) ...
            new MemberRule("java.io.PrintStream", "<init>", "(Ljava/lang/String;", HOST),
            new MemberRule("java.io.PrintWriter", "<init>", "(Ljava/lang/String;", HOST),
            new MemberRule("java.util.Formatter", "<init>", "(Ljava/lang/String;", HOST),
            // Parallel streams and sorts run on the common pool's threads, whatever the receiver's class.
            new MemberRule("*", "parallel", "()Ljava/util/stream/", THREADS),
            new MemberRule("*", "parallelStream", "()Ljava/util/stream/", THREADS),
            new MemberRule("java.util.Arrays", "parallel*", "", THREADS),
            new MemberRule("java.util.concurrent.ConcurrentHashMap", "*", "(J", THREADS)); // bulk operations

    /**
     * Packages whose names a program's own classes may not take: the loader resolves java.*, libc
     * and {@link SignalCheck} to the platform's and the kernel's classes whatever the program holds,
     * and the kernel names modules by package when it logs a fault, so no program class may pass
     * for the kernel's or a module's.
     */
    private static final List<String> RESERVED = List.of("java.", "org.modkern.libc.", "org.modkern.kern.",
            "org.modkern.kernel.", "org.modkern.vfs.", "org.modkern.dev.", "org.modkern.exec.",
            "org.modkern.emul.", "org.modkern.lkm.", "org.modkern.fs.", "org.modkern.sys.", "org.modkern.misc.");

    /** The reserved package prefix that program class {@code c} is in, or null when it may have that name. */
    static String reserved(String c) {
        for (String r : RESERVED) {
            if (c.startsWith(r)) {
                return r + "*";
            }
        }
        return null;
    }

    /** Why a program may not name class {@code c} (a binary name), or null when it may. */
    static String whyNot(String c) {
        if (INVOKE_ALLOWED.contains(c) || c.startsWith("org.modkern.libc.")) {
            return null;
        }
        for (Rule r : CLASSES) {
            if (r.covers(c)) {
                return r.why();
            }
        }
        return null;
    }

    /**
     * Whether some member rule could refuse a member called {@code name} with {@code descriptor}
     * named through another class than its owner's: most members are of no rule. The rules for
     * every member of MethodHandles and Lookup are not counted: those classes are final, so their
     * members are only ever named through them.
     */
    static boolean mayRefuseInherited(String name, String descriptor) {
        for (MemberRule r : MEMBERS) {
            if (r.name().equals("*") && r.descriptorPrefix().isEmpty()) {
                continue;
            }
            if ((r.name().endsWith("*") ? name.startsWith(r.name().substring(0, r.name().length() - 1))
                    : r.name().equals(name)) && descriptor.startsWith(r.descriptorPrefix())) {
                return true;
            }
        }
        return false;
    }

    /** Why a program may not refer to member {@code m}, or null when it may. */
    static String whyNot(ClassFile.Member m) {
        for (MemberRule r : MEMBERS) {
            if (r.covers(m)) {
                return r.why();
            }
        }
        return null;
    }
}
