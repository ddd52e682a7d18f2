package org.modkern.kernel.internal.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kernel.internal.Sysctl;
import org.modkern.kernel.internal.proc.ProcImpl;

/**
 * Implements __sysctl(2) (202): (name, namelen, oldp, oldlenp, newp, newlen) over the kernel's sysctl
 * tree, with NetBSD's MIB numbers (sys/sysctl.h) for the nodes it has. Strings go out with a NUL,
 * ints as 4 bytes, kern.boottime as a struct timespec; oldlenp points to a size_t (8 bytes).
 */
public final class SysctlCall {
    private enum Type { STRING, INT, TIMESPEC }

    private record Node(String name, Type type) {}

    /** CTL_KERN 1 and CTL_HW 6; kern.msgbuf is ours, numbered as NetBSD numbers nodes made at run time (256 up). */
    private static final Map<String, Node> MIB = Map.ofEntries(
            Map.entry("1.1", new Node("kern.ostype", Type.STRING)),
            Map.entry("1.2", new Node("kern.osrelease", Type.STRING)),
            Map.entry("1.4", new Node("kern.version", Type.STRING)),
            Map.entry("1.6", new Node("kern.maxproc", Type.INT)),
            Map.entry("1.7", new Node("kern.maxfiles", Type.INT)),
            Map.entry("1.9", new Node("kern.securelevel", Type.INT)),
            Map.entry("1.10", new Node("kern.hostname", Type.STRING)),
            Map.entry("1.21", new Node("kern.boottime", Type.TIMESPEC)),
            Map.entry("1.256", new Node("kern.msgbuf", Type.STRING)),
            Map.entry("6.1", new Node("hw.machine", Type.STRING)),
            Map.entry("6.3", new Node("hw.ncpu", Type.INT)),
            Map.entry("6.7", new Node("hw.pagesize", Type.INT)),
            Map.entry("6.10", new Node("hw.machine_arch", Type.STRING)));

    /** CTL_MAXNAME. */
    private static final int MAXNAME = 12;

    private final Sysctl sysctl;

    public SysctlCall(Sysctl sysctl) {
        this.sysctl = sysctl;
    }

    public long sysctl(Proc p, SyscallArgs a) throws ErrnoException {
        int namelen = a.i32(1);
        if (namelen < 1 || namelen > MAXNAME) {
            throw new ErrnoException(Errno.EINVAL, "sysctl name of " + namelen + " levels");
        }
        byte[] raw = new byte[namelen * 4];
        p.userSpace().copyin(a.word(0), raw, 0, raw.length);
        ByteBuffer nb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < namelen; i++) {
            key.append(i == 0 ? "" : ".").append(nb.getInt(i * 4));
        }
        Node node = MIB.get(key.toString());
        if (node == null) {
            throw new ErrnoException(Errno.ENOENT, "no sysctl node " + key);
        }
        long oldp = a.word(2);
        long oldlenp = a.word(3);
        if (oldlenp != 0) {
            byte[] value = encode(node, sysctl.get(node.name()));
            byte[] lenb = new byte[8];
            ByteBuffer lb = ByteBuffer.wrap(lenb).order(ByteOrder.LITTLE_ENDIAN);
            p.userSpace().copyin(oldlenp, lenb, 0, 8);
            long room = lb.getLong(0);
            lb.putLong(0, value.length);
            p.userSpace().copyout(lenb, 0, oldlenp, 8);
            if (oldp != 0) {
                if (room < value.length) {
                    throw new ErrnoException(Errno.ENOMEM, node.name() + " needs " + value.length + " bytes, the buffer has "
                            + room);
                }
                p.userSpace().copyout(value, 0, oldp, value.length);
            }
        }
        long newp = a.word(4);
        if (newp != 0) {
            long newlen = a.word(5);
            if (newlen < 0 || newlen > 4096) {
                throw new ErrnoException(Errno.EINVAL, "new value of " + newlen + " bytes");
            }
            byte[] nv = new byte[(int) newlen];
            p.userSpace().copyin(newp, nv, 0, nv.length);
            sysctl.set((ProcImpl) p, node.name(), decode(node, nv));
        }
        return 0;
    }

    private static byte[] encode(Node node, String value) throws ErrnoException {
        return switch (node.type()) {
            case STRING -> (value + "\0").getBytes(StandardCharsets.UTF_8);
            case INT -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(Sysctl.parseInt(node.name(), value)).array();
            case TIMESPEC -> ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(Long.parseLong(value.trim())).putLong(0).array();
        };
    }

    private static String decode(Node node, byte[] nv) throws ErrnoException {
        return switch (node.type()) {
            case STRING -> {
                int n = 0;
                while (n < nv.length && nv[n] != 0) {
                    n++;
                }
                yield new String(nv, 0, n, StandardCharsets.UTF_8);
            }
            case INT -> {
                if (nv.length != 4) {
                    throw new ErrnoException(Errno.EINVAL, node.name() + " takes a 4-byte int, not " + nv.length + " bytes");
                }
                yield Integer.toString(ByteBuffer.wrap(nv).order(ByteOrder.LITTLE_ENDIAN).getInt());
            }
            case TIMESPEC -> throw new ErrnoException(Errno.EPERM, node.name() + " is read-only");
        };
    }
}
