package org.modkern.userland.bin.textio;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * The file operands of a text utility, read one after another ("-", or no operand at all: standard
 * input). A file that cannot be opened or read is reported as "prog: name: message" and the rest
 * still go; several files' parts can each be headed "==> name <==".
 */
public final class Operands {
    /** What is done with one open file; a SysError it throws is reported. */
    public interface Reader {
        /** Reads {@code fd} (the operand {@code name}); true to leave it open (tail -f keeps reading). */
        boolean read(int fd, String name);
    }

    private final Libc sys;
    private final String prog;
    private final String[] names;
    private boolean first = true;

    public Operands(Libc sys, String prog, String[] names) {
        this.sys = sys;
        this.prog = prog;
        this.names = names.length == 0 ? new String[] {"-"} : names;
    }

    /** With several operands, the header of {@code name}'s part, a blank line after the part before. */
    public void header(String name) {
        if (names.length > 1) {
            sys.out().print((first ? "" : "\n") + "==> " + name + " <==\n");
        }
        first = false;
    }

    /** Runs {@code reader} on each operand in turn: 0 if all went well, else 1. */
    public int forEach(Reader reader) {
        int status = 0;
        for (String name : names) {
            int fd;
            try {
                fd = Input.open(sys, name);
            } catch (SysError e) {
                status = report(name, e);
                continue;
            }
            boolean keep = false;
            try {
                keep = reader.read(fd, name);
            } catch (SysError e) {
                status = report(name, e);
            } finally {
                if (!keep) {
                    Input.close(sys, fd);
                }
            }
        }
        return status;
    }

    private int report(String name, SysError e) {
        sys.flush();
        sys.err().println(prog + ": " + name + ": " + e.getMessage());
        return 1;
    }

    /** The old count form of head and tail as getopt takes it: "-5" as "-n 5"; with {@code plus} "+5" as "-n +5". */
    public static String[] obsoleteCount(String[] argv, boolean plus) {
        if (argv.length > 1 && argv[1].length() > 1 && (argv[1].charAt(0) == '-' || plus && argv[1].charAt(0) == '+')
                && argv[1].substring(1).chars().allMatch(Character::isDigit)) {
            String[] v = new String[argv.length + 1];
            v[0] = argv[0];
            v[1] = "-n";
            v[2] = argv[1].charAt(0) == '+' ? argv[1] : argv[1].substring(1);
            System.arraycopy(argv, 2, v, 3, argv.length - 2);
            return v;
        }
        return argv;
    }
}
