package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modkern.libc.Libc;

/**
 * The shell's variables, which of them are exported and which read-only. Exported values are
 * kept in libc's environment too (PATH lookups read it there).
 */
final class Variables {
    /** A copy of the variables, to put back after a subshell. */
    record Saved(Map<String, String> values, Set<String> exported, Set<String> readonly) {}

    private final Libc sys;
    private Map<String, String> values = new HashMap<>();
    private Set<String> exported = new HashSet<>();
    private Set<String> readonly = new HashSet<>();

    /** Starts with the environment, all of it exported. */
    Variables(Libc sys) {
        this.sys = sys;
        for (String e : sys.environ()) {
            int eq = e.indexOf('=');
            values.put(e.substring(0, eq), e.substring(eq + 1));
            exported.add(e.substring(0, eq));
        }
    }

    String get(String name) {
        return values.get(name);
    }

    /** Sets a variable; Expander.Failure if it is read-only. */
    void set(String name, String value) {
        if (readonly.contains(name)) {
            throw new Expander.Failure(name + ": is read only");
        }
        values.put(name, value);
        if (exported.contains(name)) {
            sys.setenv(name, value);
        }
    }

    void export(String name) {
        exported.add(name);
        String v = values.get(name);
        if (v != null) {
            sys.setenv(name, v);
        }
    }

    void readonly(String name) {
        readonly.add(name);
    }

    boolean isReadonly(String name) {
        return readonly.contains(name);
    }

    /** Unsets a variable; Expander.Failure if it is read-only. */
    void unset(String name) {
        if (readonly.contains(name)) {
            throw new Expander.Failure(name + ": is read only");
        }
        values.remove(name);
        exported.remove(name);
        sys.unsetenv(name);
    }

    /** Gives a local variable back its value from before the function (null: unset), read-only or not. */
    void putBack(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        if (exported.contains(name) && value != null) {
            sys.setenv(name, value);
        } else if (exported.contains(name)) {
            sys.unsetenv(name);
        }
    }

    Map<String, String> values() {
        return values;
    }

    Set<String> exported() {
        return exported;
    }

    Set<String> readonlyNames() {
        return readonly;
    }

    /** NAME=value for each exported variable that has a value, then {@code extra} over them. */
    String[] environment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : exported) {
            String v = values.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.putAll(extra);
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out.toArray(new String[0]);
    }

    Saved save() {
        return new Saved(new HashMap<>(values), new HashSet<>(exported), new HashSet<>(readonly));
    }

    void restore(Saved s) {
        Set<String> names = new HashSet<>(exported);
        names.addAll(s.exported());
        values = s.values();
        exported = s.exported();
        readonly = s.readonly();
        for (String n : names) {
            String v = values.get(n);
            if (exported.contains(n) && v != null) {
                sys.setenv(n, v);
            } else {
                sys.unsetenv(n);
            }
        }
    }
}
