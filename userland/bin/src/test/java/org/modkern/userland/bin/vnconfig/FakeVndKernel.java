package org.modkern.userland.bin.vnconfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.modkern.userland.bin.FakeTrapBase.Fail;

/**
 * A fake vnd driver with four units behind /dev/rvnd0..3, following the ABI the real one
 * implements (struct vnd_ioctl and vnd_user as VndIo lays them out). Files are path to size.
 */
final class FakeVndKernel extends FakeDevKernel {
    record Unit(String path, long size, boolean readOnly) {}

    final Unit[] units = new Unit[4];
    final Map<String, Long> files = new HashMap<>();
    /** Units whose devices someone else holds open (detach is EBUSY). */
    final boolean[] busy = new boolean[4];

    FakeVndKernel() {
        for (int i = 0; i < 4; i++) {
            nodes.add("/dev/rvnd" + i);
        }
    }

    private static int unitOf(String path) {
        return path.charAt(path.length() - 1) - '0';
    }

    @Override
    protected long ioctl(Open o, long cmd, long data) {
        int self = unitOf(o.path());
        if (cmd == VndIo.VNDIOCGET) {
            ByteBuffer u = copyin(data, VndIo.USER_SIZE);
            int asked = u.getInt(VndIo.USER_UNIT);
            log.add("VNDIOCGET " + asked);
            int n = asked == -1 ? self : asked;
            if (n < 0 || n >= units.length) {
                throw new Fail(ENXIO, "vnd has units 0..3, not " + n);
            }
            Unit x = units[n];
            byte[] path = x == null ? new byte[0] : x.path().getBytes(StandardCharsets.UTF_8);
            long buf = u.getLong(VndIo.USER_PATH);
            int len = u.getInt(VndIo.USER_PATHLEN);
            if (buf != 0 && len > 0) {
                byte[] out = new byte[Math.min(path.length, len - 1) + 1];
                System.arraycopy(path, 0, out, 0, out.length - 1);
                copyout(out, buf);
            }
            u.putInt(VndIo.USER_UNIT, n).putInt(VndIo.USER_FLAGS, x == null ? 0
                    : VndIo.VNU_INUSE | (x.readOnly() ? VndIo.VNDIOF_READONLY : 0))
                    .putLong(VndIo.USER_DISK_SIZE, x == null ? 0 : x.size()).putInt(VndIo.USER_PATHLEN, path.length);
            copyout(u.array(), data);
            return 0;
        }
        if (cmd != VndIo.VNDIOCSET && cmd != VndIo.VNDIOCCLR) {
            throw new Fail(ENOTTY, "vnd has no ioctl 0x" + Long.toHexString(cmd));
        }
        if (!o.writable()) {
            throw new Fail(EBADF, "/dev/rvnd" + self + " is open read-only");
        }
        ByteBuffer v = copyin(data, VndIo.IOCTL_SIZE);
        if (cmd == VndIo.VNDIOCCLR) {
            log.add("VNDIOCCLR");
            if (units[self] == null) {
                throw new Fail(ENXIO, "vnd" + self + " is not attached");
            }
            if (busy[self]) {
                throw new Fail(EBUSY, "vnd" + self + " is open (block device 1, raw device 0 besides this file):"
                        + " unmount or close it first");
            }
            units[self] = null;
            return 0;
        }
        String path = copyinstr(v.getLong(VndIo.IOCTL_FILE), VndIo.MAXPATHLEN);
        int flags = v.getInt(VndIo.IOCTL_FLAGS);
        log.add("VNDIOCSET " + path + " " + flags);
        if (units[self] != null) {
            throw new Fail(EBUSY, "vnd" + self + " is already attached to " + units[self].path()
                    + " (detach it with vnconfig -u)");
        }
        Long size = files.get(path);
        if (size == null) {
            throw new Fail(ENOENT, path);
        }
        units[self] = new Unit(path, size / 512 * 512, (flags & VndIo.VNDIOF_READONLY) != 0);
        v.putLong(VndIo.IOCTL_SIZE_OUT, units[self].size());
        copyout(v.array(), data);
        return 0;
    }
}
