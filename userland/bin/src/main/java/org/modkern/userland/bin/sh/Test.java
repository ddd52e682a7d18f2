package org.modkern.userland.bin.sh;

import java.util.List;
import java.util.Set;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;

/**
 * test expression and [ expression ]: status 0 true, 1 false, 2 an error (reported). Up to four
 * arguments are read by POSIX's rules by count; longer expressions by the grammar
 *
 * <pre>
 * expr    : and ('-o' and)*
 * and     : not ('-a' not)*
 * not     : '!' not | primary
 * primary : '(' expr ')' | UNARY arg | arg BINARY arg | arg
 * </pre>
 */
final class Test {
    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h", "-z",
            "-n", "-b", "-c", "-p", "-S", "-t", "-g", "-u", "-k");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt",
            "-ge", "-nt", "-ot", "-ef");

    /** An error in the expression: status 2. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final Libc sys;
    private final String name;
    private List<String> a;
    private int pos;

    Test(Libc sys, String name) {
        this.sys = sys;
        this.name = name;
    }

    int run(List<String> args) {
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                sys.err().println("sh: [: missing ]");
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        a = args;
        try {
            return byCount() ? 0 : 1;
        } catch (Bad e) {
            sys.err().println("sh: " + name + ": " + e.getMessage());
            return 2;
        }
    }

    private boolean byCount() {
        int n = a.size();
        switch (n) {
            case 0:
                return false;
            case 1:
                return !a.get(0).isEmpty();
            case 2:
                if (a.get(0).equals("!")) {
                    return a.get(1).isEmpty();
                }
                if (UNARY.contains(a.get(0))) {
                    return unary(a.get(0), a.get(1));
                }
                throw new Bad(a.get(0) + ": unexpected operator");
            case 3:
                if (BINARY.contains(a.get(1))) {
                    return binary(a.get(0), a.get(1), a.get(2));
                }
                if (a.get(0).equals("!")) {
                    a = a.subList(1, 3);
                    return !byCount();
                }
                if (a.get(0).equals("(") && a.get(2).equals(")")) {
                    return !a.get(1).isEmpty();
                }
                if (a.get(1).equals("-a") || a.get(1).equals("-o")) {
                    break;
                }
                throw new Bad(a.get(1) + ": unexpected operator");
            case 4:
                if (a.get(0).equals("!")) {
                    a = a.subList(1, 4);
                    return !byCount();
                }
                if (a.get(0).equals("(") && a.get(3).equals(")")) {
                    a = a.subList(1, 3);
                    return byCount();
                }
                break;
            default:
                break;
        }
        pos = 0;
        boolean v = or();
        if (pos < a.size()) {
            throw new Bad(a.get(pos) + ": unexpected operator");
        }
        return v;
    }

    private boolean at(String s) {
        return pos < a.size() && a.get(pos).equals(s);
    }

    private boolean or() {
        boolean v = and();
        while (at("-o")) {
            pos++;
            v |= and();
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (at("-a")) {
            pos++;
            v &= not();
        }
        return v;
    }

    private boolean not() {
        if (at("!") && pos + 1 < a.size()) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= a.size()) {
            throw new Bad("argument expected");
        }
        String t = a.get(pos);
        if (pos + 2 < a.size() && BINARY.contains(a.get(pos + 1))) {
            pos += 3;
            return binary(t, a.get(pos - 2), a.get(pos - 1));
        }
        if (t.equals("(")) {
            pos++;
            boolean v = or();
            if (!at(")")) {
                throw new Bad("closing paren expected");
            }
            pos++;
            return v;
        }
        if (UNARY.contains(t) && pos + 1 < a.size()) {
            pos += 2;
            return unary(t, a.get(pos - 1));
        }
        pos++;
        return !t.isEmpty();
    }

    private boolean unary(String op, String arg) {
        switch (op) {
            case "-z":
                return arg.isEmpty();
            case "-n":
                return !arg.isEmpty();
            case "-t":
                return Tty.isatty(sys, (int) integer(arg));
            default:
                break;
        }
        Stat st;
        try {
            st = op.equals("-L") || op.equals("-h") ? sys.lstat(arg) : sys.stat(arg);
        } catch (SysError e) {
            return false;
        }
        return switch (op) {
            case "-e" -> true;
            case "-f" -> st.isReg();
            case "-d" -> st.isDir();
            case "-L", "-h" -> st.isLink();
            case "-s" -> st.size() > 0;
            case "-b" -> st.isBlk();
            case "-c" -> st.isChr();
            case "-p" -> st.type() == Stat.S_IFIFO;
            case "-S" -> st.type() == Stat.S_IFSOCK;
            case "-u" -> (st.mode() & 04000) != 0;
            case "-g" -> (st.mode() & 02000) != 0;
            case "-k" -> (st.mode() & 01000) != 0;
            case "-r" -> access(st, 4);
            case "-w" -> access(st, 2);
            default -> access(st, 1); // -x
        };
    }

    /** Whether the caller may read (4), write (2) or execute (1) the file, by its mode. */
    private boolean access(Stat st, int want) {
        int uid = id(true);
        if (uid == 0) {
            // root: anything but executing a file that nobody may execute
            return want != 1 || st.isDir() || (st.mode() & 0111) != 0;
        }
        int shift = uid == st.uid() ? 6 : id(false) == st.gid() ? 3 : 0;
        return ((st.mode() >> shift) & want) != 0;
    }

    /** The effective user (or group) id; 0 where the system does not say. */
    private int id(boolean user) {
        try {
            return user ? sys.geteuid() : sys.getegid();
        } catch (SysError e) {
            return 0;
        }
    }

    private boolean binary(String l, String op, String r) {
        switch (op) {
            case "=", "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "<":
                return l.compareTo(r) < 0;
            case ">":
                return l.compareTo(r) > 0;
            case "-nt", "-ot", "-ef":
                return files(l, op, r);
            default:
                break;
        }
        long a = integer(l);
        long b = integer(r);
        return switch (op) {
            case "-eq" -> a == b;
            case "-ne" -> a != b;
            case "-lt" -> a < b;
            case "-le" -> a <= b;
            case "-gt" -> a > b;
            default -> a >= b; // -ge
        };
    }

    private boolean files(String l, String op, String r) {
        Stat a;
        Stat b;
        try {
            a = sys.stat(l);
        } catch (SysError e) {
            a = null;
        }
        try {
            b = sys.stat(r);
        } catch (SysError e) {
            b = null;
        }
        return switch (op) {
            case "-nt" -> a != null && (b == null || a.mtime() > b.mtime());
            case "-ot" -> b != null && (a == null || a.mtime() < b.mtime());
            default -> a != null && b != null && a.dev() == b.dev() && a.ino() == b.ino();
        };
    }

    private static long integer(String s) {
        String t = s.trim();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new Bad(s + ": bad number");
        }
    }
}
