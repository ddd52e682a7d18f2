package org.modkern.userland.bin.mdconfig;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.modkern.userland.bin.vnconfig.FakeDevKernel;
import org.modkern.userland.bin.FakeTrapBase.Fail;

/** A fake md driver with four units behind /dev/rmd0..3, following the ABI of the real one. */
final class FakeMdKernel extends FakeDevKernel {
    final long[] sizes = new long[4];
    final boolean[] busy = new boolean[4];
    long max = 64L << 20;

    FakeMdKernel() {
        for (int i = 0; i < 4; i++) {
            nodes.add("/dev/rmd" + i);
        }
    }

    /** As the real driver: a unit it does not have cannot be opened. */
    @Override
    protected void open(String path, int flags) {
        int unit = path.charAt(path.length() - 1) - '0';
        if (unit >= sizes.length) {
            throw new Fail(ENXIO, "md has units 0..3, not " + unit);
        }
    }

    @Override
    protected long ioctl(Open o, long cmd, long data) {
        int unit = o.path().charAt(o.path().length() - 1) - '0';
        if (cmd == MdIo.MD_GETCONF) {
            log.add("MD_GETCONF");
            ByteBuffer c = ByteBuffer.allocate(MdIo.CONF_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            c.putLong(0, sizes[unit]);
            copyout(c.array(), data);
            return 0;
        }
        if (cmd != MdIo.MD_SETCONF) {
            throw new Fail(ENOTTY, "md has no ioctl 0x" + Long.toHexString(cmd));
        }
        if (!o.writable()) {
            throw new Fail(EBADF, "/dev/rmd" + unit + " is open read-only: MD_SETCONF needs it open for writing");
        }
        long size = copyin(data, MdIo.CONF_SIZE).getLong(0);
        log.add("MD_SETCONF " + size);
        if (size < 0 || size > max) {
            throw new Fail(EINVAL, "md" + unit + ": " + Long.toUnsignedString(size) + " bytes is over the limit of "
                    + max + " bytes per unit (org.modkern.dev.md max)");
        }
        if (size % 512 != 0) {
            throw new Fail(EINVAL, "md" + unit + ": " + size + " bytes is not a whole number of 512-byte blocks");
        }
        if (busy[unit]) {
            throw new Fail(EBUSY, "md" + unit + " is open (block device 1, raw device 0 besides this file): cannot"
                    + " reconfigure it");
        }
        sizes[unit] = size;
        return 0;
    }
}
