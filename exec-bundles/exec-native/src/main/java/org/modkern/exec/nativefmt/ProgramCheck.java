package org.modkern.exec.nativefmt;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.objectweb.asm.tree.ClassNode;

/** Checks a program's class files against the {@link DenyList} before any of them is defined. */
final class ProgramCheck {
    private ProgramCheck() {}

    /** One refused reference of a class. */
    record Refusal(String className, String reference, String why) {
        @Override
        public String toString() {
            return "class " + className + " uses " + reference + ", which a native program may not: " + why;
        }
    }

    /**
     * Checks every class of the program at {@code path} (binary name to class file): ENOEXEC naming
     * the program, the class and the reference at the first refusal, or naming a damaged class file.
     * What a class names is read from its constant pool ({@link ClassFile}, {@link DenyList}), what
     * its code does from its methods ({@link CodeCheck}).
     *
     * @return the classes read with ASM, by binary name, for {@link Preemption} to rewrite
     */
    static Map<String, ClassNode> check(String path, Map<String, byte[]> classes) throws ErrnoException {
        Map<String, ClassFile> program = new TreeMap<>();
        Map<String, ClassNode> nodes = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
            try {
                program.put(e.getKey(), ClassFile.read(e.getValue()));
                nodes.put(e.getKey(), Preemption.read(e.getValue()));
            } catch (IOException | RuntimeException x) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": class " + e.getKey()
                        + " is a damaged class file (" + x.getMessage() + ")");
            }
        }
        for (Map.Entry<String, ClassFile> e : program.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": " + new Refusal(e.getKey(),
                        "a jar entry holding class " + e.getValue().name(), "a jar entry must hold the class its path names"));
            }
        }
        for (ClassFile cf : program.values()) {
            List<Refusal> r = refusals(cf, program);
            if (!r.isEmpty()) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": " + r.get(0));
            }
        }
        for (ClassNode n : nodes.values()) {
            List<Refusal> r = CodeCheck.refusals(n);
            if (!r.isEmpty()) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": " + r.get(0));
            }
        }
        return nodes;
    }

    /**
     * Every refused reference of {@code cf}, classes first, then members. {@code program} is the
     * program's classes by binary name: those it defines are its own business, whatever their names.
     */
    static List<Refusal> refusals(ClassFile cf, Map<String, ClassFile> program) {
        List<Refusal> l = new ArrayList<>();
        String reserved = DenyList.reserved(cf.name());
        if (reserved != null) {
            l.add(new Refusal(cf.name(), "the name " + cf.name(), "a program's classes may not be named in "
                    + reserved + ": the loader gives those names to the JDK's, libc's and the kernel's classes,"
                    + " and the kernel names modules by their packages"));
        }
        for (String c : cf.classes()) {
            String why = program.containsKey(c) ? null : DenyList.whyNot(c);
            if (why != null) {
                l.add(new Refusal(cf.name(), c, why));
            }
        }
        for (ClassFile.Member m : cf.members()) {
            String why = DenyList.whyNot(m);
            if (why != null) {
                l.add(new Refusal(cf.name(), m.toString(), why));
                continue;
            }
            if (!DenyList.mayRefuseInherited(m.name(), m.descriptor())) {
                continue;
            }
            // A member is named through the class it is called on, not the one that declares it:
            // SimpleTimeZone.setDefault, "s".wait(), Zone.setDefault for a program's Zone extends
            // TimeZone. Check it as each platform class it may be inherited from.
            for (String from : inheritedFrom(m, program)) {
                ClassFile.Member as = new ClassFile.Member(from, m.name(), m.descriptor());
                why = DenyList.whyNot(as);
                if (why != null) {
                    l.add(new Refusal(cf.name(), as + " (through " + m.owner() + ")", why));
                    break;
                }
            }
        }
        return l;
    }

    /**
     * The platform classes and interfaces from which {@code m}'s owner may inherit {@code m}: none
     * when a program class on the owner's superclass chain declares it (a class's own members come
     * before its interfaces'), else the platform classes above the program's, with their own
     * superclasses and interfaces, and Object. Constructors are not inherited.
     */
    private static Set<String> inheritedFrom(ClassFile.Member m, Map<String, ClassFile> program) {
        Set<String> outside = new LinkedHashSet<>();
        if (m.name().equals("<init>")) {
            return outside;
        }
        String key = m.name() + ":" + m.descriptor();
        Deque<String> interfaces = new ArrayDeque<>();
        String c = m.owner();
        ClassFile cf;
        while (c != null && (cf = program.get(c)) != null) {
            if (cf.declared().contains(key)) {
                return Set.of();
            }
            interfaces.addAll(cf.interfaces());
            c = cf.superName();
        }
        if (c != null) {
            platformAncestors(c, outside);
        }
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String i = interfaces.pop();
            if (seen.add(i)) {
                ClassFile icf = program.get(i);
                if (icf == null) {
                    platformAncestors(i, outside);
                } else {
                    interfaces.addAll(icf.interfaces());
                }
            }
        }
        outside.add("java.lang.Object");
        outside.remove(m.owner());
        return outside;
    }

    /** Adds {@code c} and its superclasses and interfaces, as the platform has them (not initialised). */
    private static void platformAncestors(String c, Set<String> into) {
        if (!into.add(c)) {
            return;
        }
        Class<?> k;
        try {
            k = Class.forName(c, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // not the platform's: the loader will not find it either
        }
        if (k.getSuperclass() != null) {
            platformAncestors(k.getSuperclass().getName(), into);
        }
        for (Class<?> i : k.getInterfaces()) {
            platformAncestors(i.getName(), into);
        }
    }
}
