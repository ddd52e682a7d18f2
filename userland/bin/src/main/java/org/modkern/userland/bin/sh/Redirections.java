package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.Redir;

/**
 * Redirections as descriptor operations: made from the syntax (here-documents written to
 * temporary files), turned into posix_spawn file actions for a child, or applied to the shell's
 * own descriptors around a builtin, function or compound command and put back afterwards.
 */
final class Redirections {
    /** A descriptor operation of one command: OPEN fd path flags, DUP from to fd, CLOSE fd. */
    record FdOp(int kind, int fd, int from, String path, int flags) {
        static final int OPEN = 1, DUP = 2, CLOSE = 3;

        static FdOp dup(int from, int fd) {
            return new FdOp(DUP, fd, from, null, 0);
        }

        /** How an error message names what failed. */
        String name() {
            return kind == OPEN ? path : Integer.toString(from);
        }
    }

    /** Work done with redirections in place. */
    interface Body {
        int run();
    }

    private final Libc sys;
    private final Expander expander;
    private final TempFiles temps;

    Redirections(Libc sys, Expander expander, TempFiles temps) {
        this.sys = sys;
        this.expander = expander;
        this.temps = temps;
    }

    /**
     * The operations of {@code redirs}; the temporary files of here-documents are added to
     * {@code made} (the caller removes them). Expander.Failure when a target cannot be expanded.
     */
    List<FdOp> ops(List<Redir> redirs, List<String> made) {
        List<FdOp> ops = new ArrayList<>();
        for (Redir r : redirs) {
            ops.add(op(r, made));
        }
        return ops;
    }

    private FdOp op(Redir r, List<String> made) {
        if (r.here() != null) {
            String path = temps.write("heredoc", expander.string(r.here().body()));
            made.add(path);
            return new FdOp(FdOp.OPEN, r.fd(), -1, path, Fcntl.O_RDONLY);
        }
        String t = expander.string(r.target());
        return switch (r.op()) {
            case "<" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_RDONLY);
            case ">", ">|" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC);
            case ">>" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND);
            case "<>" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_RDWR | Fcntl.O_CREAT);
            default -> { // <& >&
                if (t.equals("-")) {
                    yield new FdOp(FdOp.CLOSE, r.fd(), -1, null, 0);
                }
                if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 9) {
                    throw new Expander.Failure(t + ": bad file descriptor");
                }
                yield FdOp.dup(Integer.parseInt(t), r.fd());
            }
        };
    }

    /** The operations as file actions of a child. */
    static void addTo(SpawnActions actions, List<FdOp> ops) {
        for (FdOp op : ops) {
            switch (op.kind()) {
                case FdOp.OPEN -> actions.open(op.fd(), op.path(), op.flags(), 0666);
                case FdOp.DUP -> actions.dup2(op.from(), op.fd());
                default -> actions.close(op.fd());
            }
        }
    }

    /**
     * Opens (and closes) each redirection's file in the shell, and checks the descriptors they
     * duplicate: how a command with only redirections makes its files, and how a failed spawn
     * learns whether a redirection was at fault. Reports the first failure and returns false.
     */
    boolean check(List<FdOp> ops) {
        Set<Integer> made = new HashSet<>();
        for (FdOp op : ops) {
            try {
                switch (op.kind()) {
                    case FdOp.OPEN -> sys.close(sys.open(op.path(), op.flags(), 0666));
                    case FdOp.DUP -> {
                        if (!made.contains(op.from())) {
                            sys.fstat(op.from());
                        }
                    }
                    default -> { }
                }
                made.add(op.fd());
            } catch (SysError e) {
                sys.err().println("sh: " + op.name() + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * Applies {@code ops} to the shell's own descriptors, first saving each one it changes in
     * {@code saved} (fd to its copy, -1 if it was closed) unless that is null. False (reported)
     * if one fails.
     */
    boolean apply(List<FdOp> ops, Map<Integer, Integer> saved) {
        sys.flush();
        for (FdOp op : ops) {
            if (saved != null && !saved.containsKey(op.fd())) {
                int copy;
                try {
                    copy = high(sys.dup(op.fd()));
                } catch (SysError e) {
                    copy = -1;
                }
                saved.put(op.fd(), copy);
            }
            try {
                switch (op.kind()) {
                    case FdOp.OPEN -> {
                        int fd = sys.open(op.path(), op.flags(), 0666);
                        if (fd != op.fd()) {
                            sys.dup2(fd, op.fd());
                            sys.close(fd);
                        }
                    }
                    case FdOp.DUP -> sys.dup2(op.from(), op.fd());
                    default -> {
                        try {
                            sys.close(op.fd());
                        } catch (SysError e) {
                            // closing a closed descriptor is no error here
                        }
                    }
                }
            } catch (SysError e) {
                sys.err().println("sh: " + op.name() + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code body} in the shell with {@code ops} applied to its descriptors, and puts them
     * back afterwards. A failing redirection is reported and gives status 1.
     */
    int inShell(List<FdOp> ops, Body body) {
        if (ops.isEmpty()) {
            return body.run();
        }
        Map<Integer, Integer> saved = new LinkedHashMap<>();
        try {
            return apply(ops, saved) ? body.run() : 1;
        } finally {
            restore(saved);
        }
    }

    /** Puts back the descriptors {@link #apply} saved (flushing what was written meanwhile). */
    void restore(Map<Integer, Integer> saved) {
        if (saved.isEmpty()) {
            return;
        }
        try {
            sys.flush();
        } catch (SysError e) {
            sys.err().println("sh: write error: " + e.getMessage());
        }
        List<Map.Entry<Integer, Integer>> back = new ArrayList<>(saved.entrySet());
        for (int i = back.size() - 1; i >= 0; i--) {
            int fd = back.get(i).getKey();
            int copy = back.get(i).getValue();
            try {
                if (copy >= 0) {
                    sys.dup2(copy, fd);
                    sys.close(copy);
                } else {
                    sys.close(fd);
                }
            } catch (SysError e) {
                // it was closed before and still is
            }
        }
    }

    /** A descriptor moved above the ones scripts use (0-9), so a saved copy is not in the way. */
    int high(int fd) {
        if (fd >= 10) {
            return fd;
        }
        List<Integer> low = new ArrayList<>();
        int n = fd;
        while (n < 10) {
            low.add(n);
            n = sys.dup(fd);
        }
        for (int l : low) {
            sys.close(l);
        }
        return n;
    }
}
