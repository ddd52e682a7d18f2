package org.modkern.exec.nativefmt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.libc.Libc;

/**
 * The class loader of one program image: the program's own classes from its file, java.* from the
 * platform, org.modkern.libc from the libc bundle, {@link SignalCheck} and a copy of its own of
 * {@link ProgramCounters} (which the rewritten classes call), and nothing else. Which parts of java.*
 * a program may use is checked on its class files before the image is made ({@link ProgramCheck}),
 * so a refused program fails its exec with ENOEXEC rather than later, when a class is first used.
 */
final class ProgramLoader extends ClassLoader {
    private static final String LIBC = "org.modkern.libc.";
    private static final ClassLoader LIBC_LOADER = Libc.class.getClassLoader();
    private static final String COUNTERS = ProgramCounters.class.getName();
    private static final byte[] COUNTERS_CLASS = ownClassFile(ProgramCounters.class);

    private final String path;
    private final Map<String, byte[]> classes;
    private final Map<String, byte[]> resources;
    private final String mainClass;

    private ProgramLoader(String path, Map<String, byte[]> classes, Map<String, byte[]> resources,
            String mainClass) {
        super("program:" + path, null);
        this.path = path;
        this.classes = classes;
        this.resources = resources;
        this.mainClass = mainClass;
    }

    static ProgramLoader ofClass(String path, byte[] bytes) throws ErrnoException {
        String name;
        try {
            name = ClassFile.read(bytes).name();
        } catch (IOException e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": a damaged class file (" + e.getMessage() + ")");
        }
        return checked(path, Map.of(name, bytes), Map.of(), name);
    }

    static ProgramLoader ofJar(String path, byte[] bytes) throws ErrnoException {
        Map<String, byte[]> classes = new HashMap<>();
        Map<String, byte[]> resources = new HashMap<>();
        String main;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest mf = in.getManifest();
            main = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] data = in.readAllBytes();
                String n = e.getName();
                if (n.endsWith(".class")) {
                    classes.put(n.substring(0, n.length() - 6).replace('/', '.'), data);
                } else {
                    resources.put(n, data);
                }
            }
        } catch (IOException e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": a damaged jar (" + e.getMessage() + ")");
        }
        if (main == null) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": the jar's manifest names no Main-Class");
        }
        return checked(path, classes, resources, main.trim());
    }

    /**
     * The only way to a loader: every class it may define has passed the {@link ProgramCheck} and
     * is defined as {@link Preemption} rewrote it.
     */
    private static ProgramLoader checked(String path, Map<String, byte[]> classes, Map<String, byte[]> resources,
            String mainClass) throws ErrnoException {
        return new ProgramLoader(path, CheckedImages.load(path, classes), resources, mainClass);
    }

    private static byte[] ownClassFile(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("the exec module has no class file for " + c.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file of " + c.getName(), e);
        }
    }

    /** The program's {@code public static int main(Libc, String[])}; ENOEXEC when there is none. */
    MethodHandle mainHandle() throws ErrnoException {
        try {
            Class<?> c = loadClass(mainClass);
            return MethodHandles.publicLookup().findStatic(c, "main",
                    MethodType.methodType(int.class, Libc.class, String[].class));
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": cannot load " + mainClass + ": " + e.getMessage());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": " + mainClass
                    + " has no public static int main(Libc, String[])");
        } catch (LinkageError e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": " + e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith("java.")) {
                    c = ClassLoader.getPlatformClassLoader().loadClass(name);
                } else if (name.startsWith(LIBC)) {
                    c = LIBC_LOADER.loadClass(name);
                } else if (name.equals(SignalCheck.NAME)) {
                    c = SignalCheck.class;
                } else if (name.equals(COUNTERS)) {
                    c = defineClass(name, COUNTERS_CLASS, 0, COUNTERS_CLASS.length); // counts of this image's own
                } else {
                    c = findClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name + " (a native program sees only its own classes, "
                    + "java.* and org.modkern.libc)");
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] b = resources.get(name);
        return b == null ? null : new ByteArrayInputStream(b);
    }
}
