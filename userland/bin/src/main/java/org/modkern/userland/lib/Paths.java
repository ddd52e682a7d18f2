package org.modkern.userland.lib;

/** Path names as the file utilities take them apart: no system calls, only the text. */
public final class Paths {
    private Paths() {}

    /** {@code p} without trailing slashes ("/" stays "/"). */
    public static String stripSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /** The last component of {@code p}, trailing slashes ignored; "/" for "/". */
    public static String basename(String p) {
        String s = stripSlashes(p);
        return s.equals("/") ? s : s.substring(s.lastIndexOf('/') + 1);
    }

    /** {@code name} inside the directory {@code dir}, with one slash between them. */
    public static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
