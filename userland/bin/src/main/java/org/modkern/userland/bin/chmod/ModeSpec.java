package org.modkern.userland.bin.chmod;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.lib.Modes;

/**
 * A mode as setmode(3) reads it: octal (absolute, "755") or symbolic clauses separated by commas,
 * each [ugoa]* then one or more of [-+=] followed by [rwxXst]* or one of [ugo] ("u+x,go-w",
 * "a=r", "+x", "g=u"). Without a who the umask bits are left alone, as setmode does. X is
 * execute only for directories and files that someone may already execute.
 */
public final class ModeSpec {
    private static final int USER = 04700, GROUP = 02070, OTHER = 01007, ALL = 07777;
    /** The bits '=' without a who clears: all but the sticky bit. */
    private static final int STANDARD = 06777;

    /** One operation: who bits, op and what it adds; copy is 'u', 'g' or 'o' for "g=u", else 0. */
    private record Op(int who, char op, int perm, boolean execIfAny, char copy) {}

    private final int absolute;
    private final List<Op> ops;

    private ModeSpec(int absolute, List<Op> ops) {
        this.absolute = absolute;
        this.ops = ops;
    }

    /** The mode {@code s} means, null when it is not one. */
    public static ModeSpec parse(String s) {
        if (!s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '7') {
            int m = Modes.parseOctal(s);
            return m < 0 ? null : new ModeSpec(m, List.of());
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        while (true) {
            int who = 0;
            for (; i < s.length() && "ugoa".indexOf(s.charAt(i)) >= 0; i++) {
                who |= switch (s.charAt(i)) {
                    case 'u' -> USER;
                    case 'g' -> GROUP;
                    case 'o' -> OTHER;
                    default -> ALL;
                };
            }
            if (i == s.length() || "+-=".indexOf(s.charAt(i)) < 0) {
                return null;
            }
            while (i < s.length() && "+-=".indexOf(s.charAt(i)) >= 0) {
                char op = s.charAt(i++);
                if (i < s.length() && "ugo".indexOf(s.charAt(i)) >= 0) {
                    ops.add(new Op(who, op, 0, false, s.charAt(i++)));
                    continue;
                }
                int perm = 0;
                boolean execIfAny = false;
                for (; i < s.length() && "rwxXst".indexOf(s.charAt(i)) >= 0; i++) {
                    switch (s.charAt(i)) {
                        case 'r' -> perm |= 0444;
                        case 'w' -> perm |= 0222;
                        case 'x' -> perm |= 0111;
                        case 'X' -> execIfAny = true;
                        case 's' -> perm |= 06000;
                        default -> perm |= 01000;
                    }
                }
                ops.add(new Op(who, op, perm, execIfAny, (char) 0));
            }
            if (i == s.length()) {
                return new ModeSpec(-1, ops);
            }
            if (s.charAt(i++) != ',' || i == s.length()) {
                return null;
            }
        }
    }

    /** The new permission bits of a file of mode {@code old} (a directory when {@code dir}). */
    public int apply(int old, boolean dir, int umask) {
        if (absolute >= 0) {
            return absolute;
        }
        int m = old & 07777;
        for (Op o : ops) {
            int perm = o.perm;
            if (o.execIfAny && (dir || (m & 0111) != 0)) {
                perm |= 0111;
            }
            if (o.copy != 0) {
                int shift = o.copy == 'u' ? 6 : o.copy == 'g' ? 3 : 0;
                int rwx = (m >> shift) & 7;
                perm = rwx << 6 | rwx << 3 | rwx;
            }
            int mask = o.who == 0 ? ALL & ~umask : o.who;
            switch (o.op) {
                case '+' -> m |= perm & mask;
                case '-' -> m &= ~(perm & mask);
                default -> {
                    m &= ~(o.who == 0 ? STANDARD : o.who);
                    m |= perm & mask;
                }
            }
        }
        return m;
    }
}
