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
     */
    static void check(String path, Map<String, byte[]> classes) throws ErrnoException {
        Map<String, ClassFile> program = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
            try {
                program.put(e.getKey(), ClassFile.read(e.getValue()));
            } catch (IOException x) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": class " + e.getKey()
                        + " is a damaged class file (" + x.getMessage() + ")");
            }
        }
        for (ClassFile cf : program.values()) {
            List<Refusal> r = refusals(cf, program);
            if (!r.isEmpty()) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": " + r.get(0));
            }
        }
    }

    /**
     * Every refused reference of {@code cf}, classes first, then members. {@code program} is the
     * program's classes by binary name: those it defines are its own business, whatever their names.
     */
    static List<Refusal> refusals(ClassFile cf, Map<String, ClassFile> program) {
        List<Refusal> l = new ArrayList<>();
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
            // A member the program's class inherits is named through that class: TZ.setDefault
            // for a TZ extends TimeZone. Check it as the platform class that declares it.
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
     * The platform classes and interfaces from which {@code m}'s owner, a program class, may
     * inherit {@code m}: none when the owner is not the program's or a program class on its
     * superclass chain declares it (a class's own members come before its interfaces').
     */
    private static Set<String> inheritedFrom(ClassFile.Member m, Map<String, ClassFile> program) {
        String key = m.name() + ":" + m.descriptor();
        Set<String> outside = new LinkedHashSet<>();
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
        if (c != null && !c.equals(m.owner())) {
            outside.add(c);
        }
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String i = interfaces.pop();
            if (seen.add(i)) {
                ClassFile icf = program.get(i);
                if (icf == null) {
                    outside.add(i);
                } else {
                    interfaces.addAll(icf.interfaces());
                }
            }
        }
        return outside;
    }
}
