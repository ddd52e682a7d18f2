package org.modkern.userland.lib;

import java.util.List;
import java.util.Set;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;

/**
 * test(1)'s expressions, for /bin/test and /bin/[ and for sh's builtins of the same names. Up to
 * four arguments follow POSIX's rules by count (so "test -n" and "test ! =" mean what POSIX says);
 * longer ones are parsed by the grammar
 * <pre>
 * oexpr   ::= aexpr [-o oexpr]
 * aexpr   ::= nexpr [-a aexpr]
 * nexpr   ::= ! nexpr | primary
 * primary ::= ( oexpr ) | unary-op operand | operand binary-op operand | operand
 * </pre>
 * File tests: -e -f -d -b -c -p -S -L -h -s -r -w -x -u -g -k -t; strings -z -n = == != &lt; &gt;;
 * integers -eq -ne -lt -le -gt -ge; files -nt -ot -ef.
 */
public final class TestExpr {
    /** A malformed expression; the message is what test prints after its name. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-b", "-c", "-p", "-S", "-L", "-h", "-s",
            "-r", "-w", "-x", "-u", "-g", "-k", "-t", "-z", "-n");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt",
            "-ge", "-nt", "-ot", "-ef");

    private final Libc sys;
    private final List<String> t;
    private int pos;

    public TestExpr(Libc sys, List<String> args) {
        this.sys = sys;
        this.t = args;
    }

    /**
     * test (or, with {@code name} "[", [ ... ]) with these arguments: status 0 true, 1 false, 2 after
     * printing "{@code prefix}name: message" for a malformed expression or a [ without its ].
     */
    public static int run(Libc sys, String name, List<String> args, String prefix) {
        List<String> expr = args;
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                sys.err().println(prefix + "[: missing ]");
                return 2;
            }
            expr = args.subList(0, args.size() - 1);
        }
        try {
            return new TestExpr(sys, expr).evaluate() ? 0 : 1;
        } catch (SyntaxError e) {
            sys.err().println(prefix + name + ": " + e.getMessage());
            return 2;
        }
    }

    /** The expression's truth; throws SyntaxError. */
    public boolean evaluate() {
        return switch (t.size()) {
            case 0 -> false;
            case 1 -> !t.get(0).isEmpty();
            case 2 -> two(0);
            case 3 -> three(0);
            case 4 -> is(0, "!") ? !three(1) : is(0, "(") && is(3, ")") ? two(1) : parse(0);
            default -> parse(0);
        };
    }

    private boolean is(int at, String s) {
        return at < t.size() && t.get(at).equals(s);
    }

    private boolean two(int at) {
        if (is(at, "!")) {
            return t.get(at + 1).isEmpty();
        }
        if (UNARY.contains(t.get(at))) {
            return unary(t.get(at), t.get(at + 1));
        }
        return parse(at);
    }

    private boolean three(int at) {
        String l = t.get(at);
        String op = t.get(at + 1);
        String r = t.get(at + 2);
        if (BINARY.contains(op)) {
            return binary(l, op, r);
        }
        if (op.equals("-a")) {
            return !l.isEmpty() && !r.isEmpty();
        }
        if (op.equals("-o")) {
            return !l.isEmpty() || !r.isEmpty();
        }
        if (l.equals("!")) {
            return !two(at + 1);
        }
        if (l.equals("(") && r.equals(")")) {
            return !op.isEmpty();
        }
        return parse(at);
    }

    /**
     * The grammar on {@code t[at..]}. Where the counted rules gave up (at > 0 or fewer than five
     * arguments) it ends in a syntax error naming the first word it could not use.
     */
    private boolean parse(int at) {
        pos = at;
        boolean r = oexpr();
        if (pos < t.size()) {
            throw new SyntaxError(t.get(pos) + ": unexpected operator");
        }
        return r;
    }

    private boolean oexpr() {
        boolean r = aexpr();
        if (is(pos, "-o")) {
            pos++;
            return oexpr() | r;
        }
        return r;
    }

    private boolean aexpr() {
        boolean r = nexpr();
        if (is(pos, "-a")) {
            pos++;
            return aexpr() & r;
        }
        return r;
    }

    private boolean nexpr() {
        if (is(pos, "!")) {
            pos++;
            return !nexpr();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= t.size()) {
            throw new SyntaxError("argument expected");
        }
        String a = t.get(pos++);
        if (a.equals("(") && pos < t.size()) {
            boolean r = oexpr();
            if (!is(pos, ")")) {
                throw new SyntaxError("closing paren expected");
            }
            pos++;
            return r;
        }
        boolean binaryNext = pos < t.size() && BINARY.contains(t.get(pos));
        // a unary operator, unless it is the left operand of a binary one ("-f = -f")
        if (UNARY.contains(a) && !(binaryNext && pos + 1 < t.size())) {
            return unary(a, operand());
        }
        if (binaryNext) {
            String op = t.get(pos++);
            return binary(a, op, operand());
        }
        return !a.isEmpty();
    }

    private String operand() {
        if (pos >= t.size()) {
            throw new SyntaxError("argument expected");
        }
        return t.get(pos++);
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
            case "-b" -> st.isBlk();
            case "-c" -> st.isChr();
            case "-p" -> st.type() == Stat.S_IFIFO;
            case "-S" -> st.type() == Stat.S_IFSOCK;
            case "-L", "-h" -> st.isLink();
            case "-s" -> st.size() > 0;
            case "-u" -> (st.mode() & 04000) != 0;
            case "-g" -> (st.mode() & 02000) != 0;
            case "-k" -> (st.mode() & 01000) != 0;
            case "-r" -> access(st, 4);
            case "-w" -> access(st, 2);
            default -> access(st, 1); // -x
        };
    }

    /**
     * access(2) worked out from the mode, as the kernel would for the effective ids: root may read and
     * write anything and execute what has an x bit (or is a directory).
     */
    private boolean access(Stat st, int bit) {
        int uid = id(true);
        if (uid == 0) {
            return bit != 1 || st.isDir() || (st.mode() & 0111) != 0;
        }
        int shift = uid == st.uid() ? 6 : id(false) == st.gid() ? 3 : 0;
        return (st.mode() >> shift & bit) != 0;
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
        return switch (op) {
            case "=", "==" -> l.equals(r);
            case "!=" -> !l.equals(r);
            case "<" -> l.compareTo(r) < 0;
            case ">" -> l.compareTo(r) > 0;
            case "-eq" -> integer(l) == integer(r);
            case "-ne" -> integer(l) != integer(r);
            case "-lt" -> integer(l) < integer(r);
            case "-le" -> integer(l) <= integer(r);
            case "-gt" -> integer(l) > integer(r);
            case "-ge" -> integer(l) >= integer(r);
            case "-nt" -> compareTimes(l, r) > 0;
            case "-ot" -> compareTimes(l, r) < 0;
            default -> sameFile(l, r); // -ef
        };
    }

    /** mtime of a against b; a file that does not exist is older than one that does. */
    private int compareTimes(String a, String b) {
        Stat sa = statOrNull(a);
        Stat sb = statOrNull(b);
        if (sa == null || sb == null) {
            return sa == null && sb == null ? 0 : sa == null ? -1 : 1;
        }
        return Long.compare(sa.mtime(), sb.mtime());
    }

    private boolean sameFile(String a, String b) {
        Stat sa = statOrNull(a);
        Stat sb = statOrNull(b);
        return sa != null && sb != null && sa.dev() == sb.dev() && sa.ino() == sb.ino();
    }

    private Stat statOrNull(String path) {
        try {
            return sys.stat(path);
        } catch (SysError e) {
            return null;
        }
    }

    /** An integer operand: optional blanks and sign, then digits; else a syntax error. */
    private static long integer(String s) {
        String v = s.strip();
        if (!v.matches("[+-]?[0-9]+")) {
            throw new SyntaxError(s + ": bad number");
        }
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw new SyntaxError(s + ": out of range");
        }
    }
}
