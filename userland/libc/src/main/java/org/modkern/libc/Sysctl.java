package org.modkern.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sysctl names this library knows, with their MIB numbers (NetBSD's sys/sysctl.h) and types:
 * the static name table old BSD's sysctl(8) carried. Values cross the system call as bytes: a
 * string with a NUL, an int as 4 bytes, kern.boottime as a struct timespec (16 bytes).
 */
public final class Sysctl {
    private Sysctl() {}

    public static final int CTL_KERN = 1, CTL_HW = 6;
    public static final int KERN_OSTYPE = 1, KERN_OSRELEASE = 2, KERN_VERSION = 4, KERN_MAXPROC = 6,
            KERN_MAXFILES = 7, KERN_SECURELVL = 9, KERN_HOSTNAME = 10, KERN_BOOTTIME = 21;
    /** modkern's kernel message buffer: numbered as NetBSD numbers nodes made at run time (256 up). */
    public static final int KERN_MSGBUF = 256;
    public static final int HW_MACHINE = 1, HW_NCPU = 3, HW_PAGESIZE = 7, HW_MACHINE_ARCH = 10;

    /** How a node's value is encoded. */
    public enum Type { STRING, INT, TIMESPEC }

    /**
     * One known node. {@code writable}: the kernel lets root set it; {@code listed}: sysctl -a
     * shows it (kern.msgbuf is dmesg's, too long for a listing).
     */
    public record Node(String name, int[] mib, Type type, boolean writable, boolean listed) {
        public Node {
            mib = mib.clone();
        }

        @Override
        public int[] mib() {
            return mib.clone();
        }

        /** The value as sysctl(8) prints it. */
        public String format(byte[] value) {
            ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
            return switch (type) {
                case STRING -> {
                    int n = 0;
                    while (n < value.length && value[n] != 0) {
                        n++;
                    }
                    yield new String(value, 0, n, StandardCharsets.UTF_8);
                }
                case INT -> Integer.toString(value.length >= 4 ? b.getInt(0) : 0);
                case TIMESPEC -> value.length >= 8 ? CTIME.format(Instant.ofEpochSecond(b.getLong(0))) : "";
            };
        }

        /**
         * The bytes that set this node to {@code text}; IllegalArgumentException when the text is not a
         * value of the node's type.
         */
        public byte[] parse(String text) {
            return switch (type) {
                case STRING -> (text + "\0").getBytes(StandardCharsets.UTF_8);
                case INT -> {
                    int v;
                    try {
                        v = Integer.decode(text.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid integer '" + text + "'");
                    }
                    yield ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
                }
                case TIMESPEC -> throw new IllegalArgumentException("cannot set a timespec from text");
            };
        }
    }

    /** ctime(3)'s layout: "Mon Jan  1 00:00:00 2024" (UTC). */
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final List<Node> NODES = List.of(
            node("kern.ostype", Type.STRING, false, CTL_KERN, KERN_OSTYPE),
            node("kern.osrelease", Type.STRING, false, CTL_KERN, KERN_OSRELEASE),
            node("kern.version", Type.STRING, false, CTL_KERN, KERN_VERSION),
            node("kern.maxproc", Type.INT, false, CTL_KERN, KERN_MAXPROC),
            node("kern.maxfiles", Type.INT, false, CTL_KERN, KERN_MAXFILES),
            node("kern.securelevel", Type.INT, true, CTL_KERN, KERN_SECURELVL),
            node("kern.hostname", Type.STRING, true, CTL_KERN, KERN_HOSTNAME),
            node("kern.boottime", Type.TIMESPEC, false, CTL_KERN, KERN_BOOTTIME),
            new Node("kern.msgbuf", new int[] {CTL_KERN, KERN_MSGBUF}, Type.STRING, false, false),
            node("hw.machine", Type.STRING, false, CTL_HW, HW_MACHINE),
            node("hw.ncpu", Type.INT, false, CTL_HW, HW_NCPU),
            node("hw.pagesize", Type.INT, false, CTL_HW, HW_PAGESIZE),
            node("hw.machine_arch", Type.STRING, false, CTL_HW, HW_MACHINE_ARCH));

    private static Node node(String name, Type type, boolean writable, int... mib) {
        return new Node(name, mib, type, writable, true);
    }

    /** The node called {@code name}, or null when the table has none. */
    public static Node lookup(String name) {
        for (Node n : NODES) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** The node numbered {@code mib}, or null. */
    public static Node lookup(int[] mib) {
        for (Node n : NODES) {
            if (Arrays.equals(n.mib, mib)) {
                return n;
            }
        }
        return null;
    }

    /** Every known node, in the table's order (kern, then hw). */
    public static List<Node> nodes() {
        return NODES;
    }

    /** The listed nodes named {@code prefix} or under it ("kern" gives kern.*); all for "". */
    public static List<Node> under(String prefix) {
        List<Node> out = new ArrayList<>();
        for (Node n : NODES) {
            if (n.name().equals(prefix) || (n.listed() && (prefix.isEmpty() || n.name().startsWith(prefix + ".")))) {
                out.add(n);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
