package org.modkern.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Path names for the fuzzer: a few short names (so that calls of different processes meet on the
 * same files), ".", "..", empty components, names of 255, 256 and 600 bytes, bytes that are not
 * UTF-8, a newline, multi-byte characters; absolute and relative; sometimes longer than PATH_MAX.
 *
 * <p>A confined path (the root process's) has none of "..", a leading "/" or "": whatever it names
 * lies below the directory the process works in, however symbolic links made with confined targets
 * resolve.
 */
final class Paths {
    private Paths() {}

    private static final String[] SHORT = {"a", "b", "c", "d", "e0", "f.txt"};
    private static final byte[][] ODD = {
        "x".repeat(255).getBytes(StandardCharsets.US_ASCII),
        "y".repeat(256).getBytes(StandardCharsets.US_ASCII),
        "z".repeat(600).getBytes(StandardCharsets.US_ASCII),
        {(byte) 0xff, (byte) 0xfe, 'q'},
        {(byte) 0xc3},
        "n\nl".getBytes(StandardCharsets.UTF_8),
        "sp ace".getBytes(StandardCharsets.UTF_8),
        "\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8),
        "\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
    };
    private static final String[] PREFIXES = {"/", "/fz/t/u/", "/fz/t/", "/fz/t/r/", "/tmp/", "/dev/",
        "/fz/../fz/t/u/", "../u/"};
    /**
     * Whole paths outside the scratch file system: devices, procfs and kernfs, directories, and one
     * program to spawn and exec, /bin/true (it touches no descriptor, so whatever the calls did to
     * them, it cannot fail).
     */
    private static final String[] PLACES = {"/dev/console", "/dev/lkm", "/bin/true", "/bin/true/", "/",
        "/fz/t", "/fz/t/r", "/fz/t/u", "/tmp", "/fz/t/..", "/bin/true/x", "/dev/null", "/dev/zero", "/dev/random",
        "/dev/urandom", "/dev/mem", "/dev/rmd0", "/dev/md1", "/dev/rvnd0", "/dev/vnd1", "/proc", "/proc/self",
        "/proc/curproc/fd", "/proc/self/fd/0", "/proc/self/fd/3", "/proc/self/cwd", "/proc/self/status",
        "/proc/self/cmdline", "/proc/2/status", "/proc/modules", "/proc/self/fd/..", "/kern", "/kern/hostname",
        "/kern/msgbuf", "/kern/time", "/kern/securelevel"};

    /** A path's bytes, without a terminating NUL. */
    static byte[] path(Choices d, boolean confined) {
        if (!confined && d.consumeInt(0, 11) == 0) {
            return d.pickValue(PLACES).getBytes(StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!confined && d.consumeInt(0, 3) == 0) {
            out.writeBytes(d.pickValue(PREFIXES).getBytes(StandardCharsets.UTF_8));
        }
        int n = d.consumeInt(1, 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write('/');
            }
            out.writeBytes(component(d, confined));
        }
        switch (d.consumeInt(0, 15)) {
            case 0 -> out.write('/');
            case 1 -> pad(out, confined ? "a/" : "a/../", d.pickValue(new int[] {1023, 1024, 1025, 4096}));
            default -> {
            }
        }
        return out.toByteArray();
    }

    private static byte[] component(Choices d, boolean confined) {
        int k = d.consumeInt(0, 15);
        if (k < 9) {
            return SHORT[k % SHORT.length].getBytes(StandardCharsets.US_ASCII);
        }
        if (k < 12) {
            return d.pickValue(ODD);
        }
        if (k == 12) {
            return new byte[] {'.'};
        }
        if (confined) {
            return SHORT[k % SHORT.length].getBytes(StandardCharsets.US_ASCII);
        }
        return k == 13 ? new byte[] {'.', '.'} : k == 14 ? new byte[0] : "../..".getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes the path {@code length} bytes long by putting {@code unit} in front, as often as it takes. */
    private static void pad(ByteArrayOutputStream out, String unit, int length) {
        byte[] tail = out.toByteArray();
        out.reset();
        byte[] u = unit.getBytes(StandardCharsets.US_ASCII);
        while (out.size() + tail.length < length) {
            out.write(u, 0, Math.min(u.length, length - tail.length - out.size()));
        }
        out.writeBytes(tail);
    }
}
