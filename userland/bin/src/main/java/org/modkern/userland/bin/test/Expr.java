package org.modkern.userland.bin.test;

import java.util.Set;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;

/**
 * test(1)'s expressions. Up to four arguments follow POSIX's rules by count (so "test -n" and
 * "test ! =" mean what POSIX says); longer ones are parsed by the grammar
 * <pre>
 * oexpr   ::= aexpr [-o oexpr]
 * aexpr   ::= nexpr [-a aexpr]
 * nexpr   ::= ! nexpr | primary
 * primary ::= ( oexpr ) | unary-op operand | operand binary-op operand | operand
 * </pre>
 * File tests: -e -f -d -b -c -p -S -L -h -s -r -w -x -u -g -k -t; strings -z -n = != &lt; &gt;;
 * integers -eq -ne -lt -le -gt -ge; files -nt -ot -ef.
 */
final class Expr {
    /** A malformed expression; the message is what test prints after its name. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-b", "-c", "-p", "-S", "-L", "-h", "-s",
            "-r", "-w", "-x", "-u", "-g", "-k", "-t", "-z", "-n");
    private static final Set<String> BINARY = Set.of("=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
            "-nt", "-ot", "-ef");

    private final Libc sys;
    private final String[] t;
    private int pos;

    Expr(Libc sys, String[] args) {
        this.sys = sys;
        this.t = args;
    }

    boolean evaluate() {
        return switch (t.length) {
            case 0 -> false;
            case 1 -> !t[0].isEmpty();
            case 2 -> two(0);
            case 3 -> three(0);
            case 4 -> t[0].equals("!") ? !three(1) : t[0].equals("(") && t[3].equals(")") ? two(1) : parse();
            default -> parse();
        };
    }

    private boolean two(int at) {
        if (t[at].equals("!")) {
            return t[at + 1].isEmpty();
        }
        if (UNARY.contains(t[at])) {
            return unary(t[at], t[at + 1]);
        }
        return parseRange(at);
    }

    private boolean three(int at) {
        if (BINARY.contains(t[at + 1])) {
            return binary(t[at], t[at + 1], t[at + 2]);
        }
        if (t[at + 1].equals("-a")) {
            return !t[at].isEmpty() && !t[at + 2].isEmpty();
        }
        if (t[at + 1].equals("-o")) {
            return !t[at].isEmpty() || !t[at + 2].isEmpty();
        }
        if (t[at].equals("!")) {
            return !two(at + 1);
        }
        if (t[at].equals("(") && t[at + 2].equals(")")) {
            return !t[at + 1].isEmpty();
        }
        return parseRange(at);
    }

    /** The grammar on {@code t[at..]}: only reached for what the counted rules leave, so an error. */
    private boolean parseRange(int at) {
        pos = at;
        return finish(oexpr());
    }

    private boolean parse() {
        pos = 0;
        return finish(oexpr());
    }

    private boolean finish(boolean r) {
        if (pos < t.length) {
            throw new SyntaxError(t[pos] + ": unexpected operator");
        }
        return r;
    }

    private boolean oexpr() {
        boolean r = aexpr();
        if (pos < t.length && t[pos].equals("-o")) {
            pos++;
            return oexpr() | r;
        }
        return r;
    }

    private boolean aexpr() {
        boolean r = nexpr();
        if (pos < t.length && t[pos].equals("-a")) {
            pos++;
            return aexpr() & r;
        }
        return r;
    }

    private boolean nexpr() {
        if (pos < t.length && t[pos].equals("!")) {
            pos++;
            return !nexpr();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= t.length) {
            throw new SyntaxError("argument expected");
        }
        String a = t[pos++];
        if (a.equals("(") && pos < t.length) {
            boolean r = oexpr();
            if (pos >= t.length || !t[pos].equals(")")) {
                throw new SyntaxError("closing paren expected");
            }
            pos++;
            return r;
        }
        // a unary operator, unless it is the left operand of a binary one ("-f = -f")
        if (UNARY.contains(a) && !(pos + 1 < t.length && BINARY.contains(t[pos]))) {
            if (pos >= t.length) {
                throw new SyntaxError("argument expected");
            }
            return unary(a, t[pos++]);
        }
        if (pos < t.length && BINARY.contains(t[pos])) {
            String op = t[pos++];
            if (pos >= t.length) {
                throw new SyntaxError("argument expected");
            }
            return binary(a, op, t[pos++]);
        }
        return !a.isEmpty();
    }

    private boolean unary(String op, String arg) {
        switch (op) {
            case "-z":
                return arg.isEmpty();
            case "-n":
                return !arg.isEmpty();
            case "-t":
                try {
                    return sys.fstat((int) integer(arg)).isChr();
                } catch (SysError e) {
                    return false;
                }
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
        int uid = sys.geteuid();
        if (uid == 0) {
            return bit != 1 || st.isDir() || (st.mode() & 0111) != 0;
        }
        int shift = uid == st.uid() ? 6 : sys.getegid() == st.gid() ? 3 : 0;
        return (st.mode() >> shift & bit) != 0;
    }

    private boolean binary(String l, String op, String r) {
        return switch (op) {
            case "=" -> l.equals(r);
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
