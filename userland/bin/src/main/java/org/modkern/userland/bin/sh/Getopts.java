package org.modkern.userland.bin.sh;

import java.util.List;

/**
 * getopts optstring name [arg ...]: the next option of the positional parameters (or the args)
 * into name, its argument into OPTARG, the index of the next argument in OPTIND; status 1 after
 * the last option. With a leading ':' in optstring, errors are not reported but told by name
 * ('?' an unknown option, ':' a missing argument) and OPTARG (the option).
 */
final class Getopts {
    private final Executor x;
    /** Where in the argument OPTIND names the next option character is; OPTIND as last set. */
    private int charPos = 1;
    private int lastInd = 1;

    Getopts(Executor x) {
        this.x = x;
    }

    int run(List<String> args) {
        if (args.size() < 2) {
            x.err.println("sh: getopts: usage: getopts optstring name [arg ...]");
            return 2;
        }
        String opts = args.get(0);
        String name = args.get(1);
        if (!Lexer.isName(name)) {
            x.err.println("sh: getopts: " + name + ": bad variable name");
            return 2;
        }
        List<String> argv = args.size() > 2 ? args.subList(2, args.size()) : x.params;
        String optind = x.vars.get("OPTIND");
        int ind = optind == null ? 1 : Builtins.number(optind);
        if (ind < 1) {
            ind = 1;
        }
        if (ind != lastInd) {
            charPos = 1; // OPTIND was set by the script: start that argument afresh
        }
        boolean silent = opts.startsWith(":");
        if (ind > argv.size()) {
            return end(name, ind);
        }
        String arg = argv.get(ind - 1);
        if (charPos == 1) {
            if (arg.equals("--")) {
                return end(name, ind + 1);
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return end(name, ind);
            }
        }
        char c = arg.charAt(charPos++);
        int at = c == ':' ? -1 : opts.indexOf(c);
        String value = String.valueOf(c);
        if (at < 0) {
            if (!silent) {
                x.err.println("sh: getopts: illegal option -- " + c);
            }
            set(name, "?", silent ? value : null);
        } else if (at + 1 < opts.length() && opts.charAt(at + 1) == ':') {
            if (charPos < arg.length()) {
                set(name, value, arg.substring(charPos));
                charPos = arg.length();
            } else if (ind < argv.size()) {
                set(name, value, argv.get(ind));
                ind++;
            } else if (silent) {
                set(name, ":", value);
            } else {
                x.err.println("sh: getopts: option requires an argument -- " + c);
                set(name, "?", null);
            }
        } else {
            set(name, value, null);
        }
        if (charPos >= arg.length()) {
            ind++;
            charPos = 1;
        }
        setOptind(ind);
        return 0;
    }

    private int end(String name, int ind) {
        x.vars.set(name, "?");
        setOptind(ind);
        charPos = 1;
        return 1;
    }

    private void set(String name, String value, String optarg) {
        x.vars.set(name, value);
        if (optarg == null) {
            x.vars.unset("OPTARG");
        } else {
            x.vars.set("OPTARG", optarg);
        }
    }

    private void setOptind(int ind) {
        x.vars.set("OPTIND", Integer.toString(ind));
        lastInd = ind;
    }
}
