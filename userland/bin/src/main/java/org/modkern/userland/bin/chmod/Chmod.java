package org.modkern.userland.bin.chmod;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * chmod [-R [-H | -L | -P]] [-f] mode file ...: changes the permission bits of files to an octal
 * or symbolic mode ({@link ModeSpec}). -R descends into directories; it does not follow symbolic
 * links (-P, the default), except those named on the command line (-H) or all of them (-L), and
 * leaves the links themselves alone. -f keeps quiet about files it could not change.
 */
public final class Chmod {
    private static final String OPTIONS = "HLPRf";

    private final Libc sys;
    private ModeSpec spec;
    private int umask;
    private boolean recursive;
    private char links = 'P';
    private boolean quiet;
    private int status;
    /** The directories descended into ("dev:ino"), so that -L does not loop through links. */
    private final Set<String> visited = new HashSet<>();

    private Chmod(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Chmod ch = new Chmod(sys);
        // A symbolic mode may start with '-' ("-w"): options end at the first word that is not
        // a cluster of option letters.
        int end = 1;
        while (end < argv.length && isOptionWord(argv[end])) {
            end++;
        }
        Getopt g = new Getopt("chmod", Arrays.copyOf(argv, end), OPTIONS, sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'H', 'L', 'P' -> ch.links = (char) c;
                case 'R' -> ch.recursive = true;
                default -> ch.quiet = true;
            }
        }
        if (end < argv.length && argv[end].equals("--")) {
            end++;
        }
        String[] ops = Arrays.copyOfRange(argv, end, argv.length);
        if (ops.length > 0 && ops[0].startsWith("-") && ops[0].length() > 1 && ModeSpec.parse(ops[0]) == null) {
            for (char c : ops[0].substring(1).toCharArray()) {
                if (OPTIONS.indexOf(c) < 0) {
                    sys.err().println("chmod: unknown option -- " + c);
                    break;
                }
            }
            return usage(sys);
        }
        if (ops.length < 2) {
            return usage(sys);
        }
        ch.spec = ModeSpec.parse(ops[0]);
        if (ch.spec == null) {
            sys.err().println("chmod: invalid file mode: " + ops[0]);
            return 1;
        }
        ch.umask = sys.umask(0);
        sys.umask(ch.umask);
        for (int i = 1; i < ops.length; i++) {
            ch.operand(ops[i]);
        }
        return ch.status;
    }

    private static boolean isOptionWord(String w) {
        if (w.length() < 2 || w.charAt(0) != '-') {
            return false;
        }
        for (char c : w.substring(1).toCharArray()) {
            if (OPTIONS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private void operand(String path) {
        boolean follow = !recursive || links != 'P';
        Stat st;
        try {
            st = follow ? sys.stat(path) : sys.lstat(path);
        } catch (SysError e) {
            fail(path, e);
            return;
        }
        change(path, st);
    }

    /** Changes {@code path} and, under -R, what a directory holds. */
    private void change(String path, Stat st) {
        if (st.isLink()) {
            return; // -R -P: a link's own mode means nothing
        }
        int mode = spec.apply(st.mode(), st.isDir(), umask);
        try {
            if (mode != (st.mode() & 07777)) {
                sys.chmod(path, mode);
            }
        } catch (SysError e) {
            fail(path, e);
        }
        if (!recursive || !st.isDir() || !visited.add(st.dev() + ":" + st.ino())) {
            return;
        }
        List<Dirent> entries;
        try {
            entries = sys.readdir(path);
        } catch (SysError e) {
            fail(path, e);
            return;
        }
        for (Dirent d : entries) {
            if (d.name().equals(".") || d.name().equals("..")) {
                continue;
            }
            String child = path.endsWith("/") ? path + d.name() : path + "/" + d.name();
            try {
                change(child, links == 'L' ? sys.stat(child) : sys.lstat(child));
            } catch (SysError e) {
                fail(child, e);
            }
        }
    }

    private void fail(String path, SysError e) {
        if (!quiet) {
            sys.err().println("chmod: " + path + ": " + e.getMessage());
            status = 1;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: chmod [-R [-H | -L | -P]] [-f] mode file ...");
        return 1;
    }
}
