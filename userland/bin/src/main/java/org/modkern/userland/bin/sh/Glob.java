package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * Pathname expansion: the paths a pattern (see {@link Pattern}) names, read directory by
 * directory with readdir. A name with a leading dot matches only a pattern with a leading dot;
 * . and .. never match. The result is sorted; empty when nothing matches.
 */
final class Glob {
    private final Libc sys;

    Glob(Libc sys) {
        this.sys = sys;
    }

    List<String> expand(String pattern) {
        List<String> paths = new ArrayList<>();
        String[] comps = pattern.split("/", -1);
        int first = 0;
        if (pattern.startsWith("/")) {
            paths.add("/");
            first = 1;
        } else {
            paths.add("");
        }
        boolean lastLiteral = false;
        for (int k = first; k < comps.length; k++) {
            String c = comps[k];
            List<String> next = new ArrayList<>();
            lastLiteral = !Pattern.hasMeta(c);
            for (String path : paths) {
                if (lastLiteral) {
                    next.add(join(path, Pattern.unescape(c)));
                } else {
                    match(path, c, next);
                }
            }
            paths = next;
            if (paths.isEmpty()) {
                return paths;
            }
        }
        if (lastLiteral) {
            paths.removeIf(p -> !exists(p));
        }
        Collections.sort(paths);
        return paths;
    }

    /** The entries of directory {@code path} matching component pattern {@code c}, joined to it. */
    private void match(String path, String c, List<String> out) {
        List<Dirent> entries;
        try {
            entries = sys.readdir(path.isEmpty() ? "." : path);
        } catch (SysError e) {
            return; // not a directory, or unreadable: no matches there
        }
        boolean dot = c.startsWith(".") || c.startsWith("\\.");
        for (Dirent d : entries) {
            String name = d.name();
            if (name.equals(".") || name.equals("..") || (name.startsWith(".") && !dot)) {
                continue;
            }
            if (Pattern.matches(c, name)) {
                out.add(join(path, name));
            }
        }
    }

    private static String join(String path, String name) {
        if (path.isEmpty()) {
            return name;
        }
        return path.endsWith("/") ? path + name : path + "/" + name;
    }

    private boolean exists(String path) {
        try {
            if (path.endsWith("/")) {
                return sys.stat(path).isDir();
            }
            sys.lstat(path);
            return true;
        } catch (SysError e) {
            return false;
        }
    }
}
