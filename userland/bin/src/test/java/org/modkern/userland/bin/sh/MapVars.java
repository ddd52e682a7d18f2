package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shell's variables for the expander's tests: a map, and positional parameters ($#, $1 ...) in a list. */
class MapVars implements Expander.Vars {
    final Map<String, String> vars = new HashMap<>();
    final List<String> args = new ArrayList<>();

    @Override
    public String get(String name) {
        if (name.equals("#")) {
            return Integer.toString(args.size());
        }
        if (Character.isDigit(name.charAt(0)) && !name.equals("0")) {
            int n = Integer.parseInt(name);
            return n <= args.size() ? args.get(n - 1) : null;
        }
        return vars.get(name);
    }

    @Override
    public List<String> positional() {
        return args;
    }

    @Override
    public void set(String name, String value) {
        vars.put(name, value);
    }
}
