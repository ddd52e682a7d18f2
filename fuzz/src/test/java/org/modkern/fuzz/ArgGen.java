package org.modkern.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.fuzz.prog.Script;
import org.modkern.fuzz.prog.Script.Arg;
import org.modkern.fuzz.prog.Script.Segment;

/**
 * The arguments of one call, kind by kind ({@link Calls.Type}): mostly plausible values, often edge
 * values (0, -1, the largest int and long, values that change when cut to 32 bits, offsets at and
 * past the 1 TiB tmpfs file limit), and memory that is too short, unterminated, NULL, or at an
 * address nothing was lent at. Each pointer argument gets a segment of its own.
 */
final class ArgGen {
    private static final long[] INTS = {0, 1, -1, 2, 3, 7, 8, 63, 64, 127, 128, 255, 256, 4095, 4096, 65536,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0x80000000L, 0xffffffffL, 1L << 32, (1L << 32) + 3, Long.MAX_VALUE,
        Long.MIN_VALUE};
    private static final long[] OFFSETS = {0, 1, 511, 4095, 4096, 4097, 1 << 20, 1L << 32, (1L << 40) - 1,
        1L << 40, (1L << 40) + 1, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, -1, -4096};
    static final long VNDIOCSET = 0xc0184600L, VNDIOCCLR = 0x80184601L, VNDIOCGET = 0xc0204603L,
            MD_SETCONF = 0x80086d01L, MD_GETCONF = 0x40086d02L;
    /**
     * TIOCGETA, TIOCSETA, TIOCSETAW, TIOCSETAF, TIOCGWINSZ, FIONREAD, FIONBIO, lkm(4)'s LMRESERV and
     * LMSTAT, vnd(4)'s and md(4)'s.
     */
    private static final long[] IOCTLS = {0x402c7413L, 0x802c7414L, 0x802c7415L, 0x802c7416L, 0x40087468L,
        0x4004667fL, 0x8004667eL, 0xc0204b02L, 0xc0404b09L, VNDIOCSET, VNDIOCCLR, VNDIOCGET, MD_SETCONF,
        MD_GETCONF, 0, -1};
    private static final int[][] MIBS = {{1, 1}, {1, 2}, {1, 4}, {1, 6}, {1, 7}, {1, 9}, {1, 10}, {1, 21}, {1, 256},
        {6, 1}, {6, 3}, {6, 7}, {6, 10}, {1}, {1, 9, 0}, {}, {0, 0}};
    private static final String[] SCRIPTS = {"#!/bin/true\n", "#!/bin/true -x y\n", "#!/fz/t/u/a\n", "#!a\n", "#!\n",
        "#!" + "x".repeat(300) + "\n", "#! /bin/true"};
    private static final String[] FSTYPES = {"tmpfs", "procfs", "kernfs", "hostfs", "nosuchfs", "", "x".repeat(40)};
    private static final String[] MNT_OPTIONS = {"size=64k", "size=1", "size=0", "size=99999999999999999999",
        "size=-1", "size=1g", "size=4096k", "mode=777", "mode=99999", "mode=", "uid=0", "uid=-1", "gid=abc",
        "from=x", "from=", "bogus", "", "=", "size"};

    private final Choices d;
    private final boolean confined;
    private final List<Segment> segments = new ArrayList<>();
    private int nextSeg;
    /** The size of the latest buffer, which a following LEN most often matches. */
    private long lastLen = 64;
    private int lastMibLen = 2;
    private long lastIoctl;

    ArgGen(Choices d, boolean confined) {
        this.d = d;
        this.confined = confined;
    }

    List<Segment> segments() {
        return segments;
    }

    Arg gen(Calls.Type t) {
        return switch (t) {
            case INT, FCNTL_ARG, UMASK -> raw(d.consumeInt(0, 3) == 0 ? d.consumeLong() : d.pickValue(INTS));
            case EXIT_CODE -> raw(d.consumeInt(0, 255));
            case FD -> fd();
            case PATH, TARGET -> path();
            case BUF_IN -> buffer(true, pickSize(new int[] {0, 1, 16, 512, 4096, 4097, 8192}));
            case BUF_OUT -> buffer(false, pickSize(new int[] {0, 1, 4, 8, 16, 32, 128, 151, 152, 512, 2176, 4096}));
            case LEN -> raw(len());
            case OFF -> raw(d.consumeInt(0, 3) == 0 ? d.consumeLong() : d.pickValue(OFFSETS));
            case PAD -> raw(d.consumeInt(0, 7) == 0 ? d.consumeLong() : 0);
            case OFLAGS -> raw(oflags());
            case IOCTL_ARG -> ioctlArg();
            case PIPE_FLAGS -> raw(d.consumeInt(0, 3) == 0 ? oflags() : 0x4 | (d.consumeBoolean() ? 0x400000 : 0));
            case MODE -> raw(mode());
            case NODE_MODE -> raw(d.pickValue(new int[] {0010000, 0020000, 0040000, 0060000, 0100000, 0120000, 0140000,
                0, 0170000}) | (int) (mode() & 07777));
            case DEV -> raw(dev());
            case PID -> raw(d.consumeInt(0, 3) == 0 ? d.consumeInt(2, 200)
                    : d.pickValue(new long[] {0, -1, 1, 2, 30000, 30001, Integer.MAX_VALUE, Integer.MIN_VALUE}));
            case SIG -> raw(d.pickValue(new long[] {0, 1, 2, 9, 13, 15, 17, 19, 20, 31, 32, 33, 63, 64, 65, -1,
                Integer.MAX_VALUE}));
            case ID -> raw(d.consumeInt(0, 2) == 0 ? d.consumeInt(1000, 1010)
                    : d.pickValue(new long[] {0, 100, -1, 65535, 0xffffffffL, Integer.MAX_VALUE, Integer.MIN_VALUE}));
            case WHENCE -> raw(d.pickValue(new long[] {0, 1, 2, 3, 4, -1, Integer.MAX_VALUE}));
            case FCNTL_CMD -> raw(d.pickValue(new long[] {0, 1, 2, 3, 4, 12, -1, 99}));
            case IOCTL_CMD -> raw(lastIoctl = d.consumeInt(0, 4) == 0 ? d.consumeLong() : d.pickValue(IOCTLS));
            case STRVEC -> d.consumeInt(0, 4) == 0 ? raw(0) : pointer(strvec(), -1);
            case ACTIONS -> d.consumeInt(0, 2) == 0 ? raw(0) : pointer(actions(), -1);
            case TIMESPEC -> pointer(timespec(), d.consumeInt(0, 15) == 0 ? 8 : -1);
            case TIMEVAL2 -> d.consumeInt(0, 3) == 0 ? raw(0) : pointer(timeval2(), d.consumeInt(0, 15) == 0 ? 16 : -1);
            case MIB -> mib();
            case MIB_LEN -> raw(d.consumeInt(0, 3) == 0 ? d.pickValue(new long[] {0, -1, 12, 13, 1 << 20,
                (1L << 32) + 2}) : lastMibLen);
            case OLDLENP -> d.consumeInt(0, 3) == 0 ? raw(0)
                    : pointer(le(d.consumeInt(0, 2) == 0 ? d.pickValue(INTS) : lastLen), d.consumeInt(0, 15) == 0 ? 4 : -1);
            case NEWP -> newValue();
            case INT_OUT -> d.consumeInt(0, 7) == 0 ? raw(0) : buffer(false, d.consumeInt(0, 7) == 0 ? 2 : 4);
            case STAT_OUT -> buffer(false, d.consumeInt(0, 7) == 0 ? d.pickValue(new int[] {0, 100, 151}) : 152);
            case STATVFS_OUT -> buffer(false, d.consumeInt(0, 7) == 0 ? 2175 : 2176 * d.consumeInt(0, 3));
            case PIPE_OUT -> buffer(false, d.consumeInt(0, 7) == 0 ? 4 : 8);
            case FSTYPE -> pointer(cstring(d.pickValue(FSTYPES).getBytes(StandardCharsets.UTF_8)), -1);
            case MNT_FLAGS -> raw(d.pickValue(new long[] {0, 1, 0x80000, 0x10000, 0x1000, -1}));
            case MNT_DATA -> mountOptions();
            case WAIT_OPTS -> raw(d.pickValue(new long[] {1, 1, 1, 0, 2, -1}));
            case SLOT -> throw new IllegalArgumentException("the indirect call's slot is ScriptGen's");
        };
    }

    // ---- plain words --------------------------------------------------------------------------

    private static Arg raw(long v) {
        return Arg.raw(v);
    }

    private Arg fd() {
        int k = d.consumeInt(0, 19);
        if (k < 15) {
            return Arg.fd(d.consumeInt(0, 15));
        }
        if (k < 18) {
            return raw(d.consumeInt(0, 130));
        }
        return raw(d.pickValue(new long[] {-1, 128, 1L << 31, 1L << 32, (1L << 32) + 1, Integer.MIN_VALUE,
            Long.MAX_VALUE}));
    }

    private long len() {
        return switch (d.consumeInt(0, 15)) {
            case 0 -> lastLen + 1;
            case 1 -> Math.max(0, lastLen - 1);
            case 2 -> 0;
            case 3 -> -1;
            case 4 -> lastLen * 2 + 4096;
            case 5 -> d.pickValue(new long[] {Integer.MAX_VALUE, 1L << 31, (1L << 32) + lastLen, Long.MAX_VALUE,
                Long.MIN_VALUE});
            case 6 -> d.consumeLong();
            default -> lastLen;
        };
    }

    private long oflags() {
        if (d.consumeInt(0, 7) == 0) {
            return d.consumeInt();
        }
        long f = d.consumeInt(0, 3);
        for (int bit : new int[] {0x4, 0x8, 0x100, 0x200, 0x400, 0x800, 0x200000, 0x400000}) {
            if (d.consumeInt(0, 3) == 0) {
                f |= bit;
            }
        }
        return f;
    }

    private long mode() {
        return d.consumeInt(0, 3) == 0 ? d.pickValue(new long[] {0, 07777, 0100644, -1, 0x7fffffff, 0xffffffffL})
                : d.pickValue(new long[] {0644, 0600, 0755, 0777, 0700, 0444, 01777, 04755});
    }

    /** NetBSD's makedev: major in bits 8..19, minor in 0..7 and 20..31. */
    private long dev() {
        if (d.consumeInt(0, 7) == 0) {
            return d.pickValue(new long[] {-1, Long.MAX_VALUE, 0xffffffffL});
        }
        long major = d.pickValue(new long[] {0, 2, 14, 17, 24, 41, 100, 101, 102, 4095});
        long minor = d.consumeInt(0, 3) == 0 ? d.consumeInt(0, 0xfffff) : d.consumeInt(0, 3);
        return ((major << 8) & 0xfff00L) | ((minor << 12) & 0xfff00000L) | (minor & 0xff);
    }

    // ---- memory -------------------------------------------------------------------------------

    private int pickSize(int[] sizes) {
        int size = d.consumeInt(0, 3) == 0 ? d.consumeInt(0, 16384) : d.pickValue(sizes);
        lastLen = size;
        return size;
    }

    /** A buffer of {@code size} bytes (its first bytes from the input when {@code filled}). */
    private Arg buffer(boolean filled, int size) {
        byte[] data = new byte[0];
        if (filled && size > 0 && d.consumeInt(0, 15) == 0) {
            // What exec-script reads: a #! line (an interpreter, one that is a script itself, none, too long).
            data = d.pickValue(SCRIPTS).getBytes(StandardCharsets.US_ASCII);
            data = Arrays.copyOf(data, Math.min(data.length, size));
        } else if (filled && size > 0) {
            byte[] head = d.consumeBytes(Math.min(size, 32));
            data = new byte[Math.min(size, 256)];
            for (int i = 0; i < data.length; i++) {
                data[i] = head.length == 0 ? (byte) 'x' : head[i % head.length];
            }
        }
        return pointer(data, size);
    }

    /**
     * A pointer to a new segment holding {@code data} in {@code length} bytes (-1: exactly the data):
     * mostly to its start, sometimes to its end, inside it, before it, at nothing, or NULL. A confined
     * process's pointers never land inside another segment or inside this one (a path's tail could be
     * absolute).
     */
    private Arg pointer(byte[] data, int length) {
        int len = length < 0 ? data.length : length;
        if (nextSeg >= 16) {
            return raw(0);
        }
        int seg = nextSeg++;
        segments.add(new Segment(seg, len, data.length <= len ? data : Arrays.copyOf(data, len)));
        int k = d.consumeInt(0, 39);
        if (confined && k >= 2 && k <= 5) {
            k = 0;
        }
        return switch (k) {
            case 0 -> raw(0);
            case 1 -> Arg.ptr(seg, len);
            case 2 -> Arg.ptr(seg, len == 0 ? 0 : d.consumeInt(0, len - 1));
            case 3 -> Arg.ptr(seg, -1);
            case 4 -> Arg.ptr(15, 0); // nothing lent there unless this is the 16th pointer
            case 5 -> raw(d.pickValue(new long[] {1, -1, 0xdeadbeefL, Long.MIN_VALUE, 1L << 32}));
            default -> Arg.ptr(seg, 0);
        };
    }

    private Arg path() {
        byte[] p = Paths.path(d, confined);
        return switch (d.consumeInt(0, 19)) {
            case 0 -> pointer(p, p.length); // no NUL within the segment
            case 1 -> {
                byte[] junk = Arrays.copyOf(p, p.length + 4);
                junk[p.length / 2] = 0; // an embedded NUL cuts the name short
                yield pointer(junk, -1);
            }
            default -> pointer(cstring(p), -1);
        };
    }

    private static byte[] cstring(byte[] b) {
        return Arrays.copyOf(b, b.length + 1);
    }

    private static byte[] le(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    /** The native string vector: u32 count, then u32 length and bytes per string; sometimes lying. */
    private byte[] strvec() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        int n = d.consumeInt(0, 3);
        int k = d.consumeInt(0, 7);
        b.putInt(k == 0 ? d.pickValue(new int[] {-1, 1 << 20, Integer.MAX_VALUE}) : n);
        for (int i = 0; i < n; i++) {
            byte[] s = ("arg" + i).getBytes(StandardCharsets.US_ASCII);
            b.putInt(k == 1 && i == 0 ? d.pickValue(new int[] {-1, 1 << 30, 300}) : s.length);
            b.put(s);
        }
        return Arrays.copyOf(b.array(), k == 2 ? Math.max(0, b.position() - 3) : b.position());
    }

    /** posix_spawn file actions: u32 count, then u32 op, i32 fd, newfd, oflag, mode, u32 path length, path. */
    private byte[] actions() {
        ByteBuffer b = ByteBuffer.allocate(4 + 3 * (24 + 200)).order(ByteOrder.LITTLE_ENDIAN);
        int n = d.consumeInt(0, 3);
        b.putInt(d.consumeInt(0, 7) == 0 ? d.pickValue(new int[] {-1, 1025, Integer.MAX_VALUE}) : n);
        for (int i = 0; i < n; i++) {
            byte[] path = d.consumeInt(0, 1) == 0 ? new byte[0] : Paths.path(d, true);
            if (path.length > 200) {
                path = Arrays.copyOf(path, 200);
            }
            b.putInt(d.consumeInt(0, 4)).putInt(d.consumeInt(-1, 130)).putInt(d.consumeInt(-1, 130))
                    .putInt((int) oflags()).putInt(0644)
                    .putInt(d.consumeInt(0, 7) == 0 ? d.pickValue(new int[] {-1, 4097, 1 << 30}) : path.length)
                    .put(path);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** struct timespec; mostly short sleeps, because a long one only waits for the watchdog. */
    private byte[] timespec() {
        long[][] values = {{0, 0}, {0, 1000}, {0, 1_000_000}, {-1, 0}, {0, -1}, {0, 1_000_000_000L},
            {Long.MIN_VALUE, 0}, {0, Long.MAX_VALUE}};
        int k = d.consumeInt(0, 511);
        long[] v = k == 0 ? new long[] {Long.MAX_VALUE, 0} : k == 1 ? new long[] {0, 999_999_999L} : d.pickValue(values);
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(v[0]).putLong(v[1]).array();
    }

    /** struct timeval[2] for utimes. */
    private byte[] timeval2() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2; i++) {
            b.putLong(d.pickValue(new long[] {0, 1, 1_700_000_000L, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40}));
            b.putLong(d.pickValue(new long[] {0, 999_999, 1_000_000, -1, Long.MAX_VALUE}));
        }
        return b.array();
    }

    /** An ioctl's argument: the struct its command takes (with pointers to further memory), or any bytes. */
    private Arg ioctlArg() {
        int k = d.consumeInt(0, 3);
        if (k > 0 && (lastIoctl == VNDIOCSET || lastIoctl == VNDIOCCLR)) {
            // struct vnd_ioctl: the file's path (an address), flags (VNDIOF_READONLY 2), pad, size out
            Arg path = path();
            ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(address(path)).putInt(d.pickValue(new int[] {0, 2, -1})).putInt(0).putLong(0);
            return pointer(b.array(), d.consumeInt(0, 7) == 0 ? 16 : 24);
        }
        if (k > 0 && lastIoctl == VNDIOCGET) {
            // struct vnd_user: unit, flags out, size out, a buffer for the path and its length
            int size = d.pickValue(new int[] {0, 1, 16, 1024, 1100});
            Arg buf = buffer(false, size);
            ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(d.pickValue(new int[] {-1, 0, 1, 3, 4, -2, Integer.MAX_VALUE})).putInt(0).putLong(0)
                    .putLong(address(buf)).putInt(d.consumeInt(0, 3) == 0 ? d.pickValue(new int[] {-1, 1 << 30}) : size)
                    .putInt(0);
            return pointer(b.array(), -1);
        }
        if (k > 0 && (lastIoctl == MD_SETCONF || lastIoctl == MD_GETCONF)) {
            // struct md_conf: the size in bytes
            return pointer(le(d.pickValue(new long[] {0, 512, 4096, 1 << 20, 64L << 20, (64L << 20) + 512, 511, -1,
                Long.MAX_VALUE})), d.consumeInt(0, 7) == 0 ? 4 : 8);
        }
        return d.consumeBoolean() ? buffer(false, pickSize(new int[] {4, 8, 44, 64, 4096}))
                : buffer(true, pickSize(new int[] {2, 4, 8, 24, 32, 44, 64, 128}));
    }

    /** The word an argument passes, as far as it is known here (an FD's is not). */
    private static long address(Arg a) {
        return a.kind() == Script.PTR ? ((long) (a.seg() + 1) << 32) + a.value() : a.value();
    }

    private Arg mib() {
        int[] name = d.consumeInt(0, 5) == 0 ? d.consumeInts(14) : d.pickValue(MIBS);
        lastMibLen = name.length;
        ByteBuffer b = ByteBuffer.allocate(4 * name.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : name) {
            b.putInt(v);
        }
        return pointer(b.array(), -1);
    }

    /** A new sysctl value (NULL most often): a string or a 4-byte int. */
    private Arg newValue() {
        if (d.consumeInt(0, 2) != 0) {
            return raw(0);
        }
        byte[] v = d.consumeBoolean() ? le(d.pickValue(new long[] {0, 1, 2, -1}))
                : cstring("fuzzhost".getBytes(StandardCharsets.US_ASCII));
        v = d.consumeBoolean() ? Arrays.copyOf(v, 4) : v;
        lastLen = v.length;
        return pointer(v, -1);
    }

    private Arg mountOptions() {
        StringBuilder sb = new StringBuilder();
        int n = d.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(d.pickValue(MNT_OPTIONS));
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        lastLen = b.length;
        return pointer(b, -1);
    }
}
