package org.modkern.itest.programs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Trap;

/** lkmreserve NAME: LMRESERV on /dev/lkm, print the slot, and exit without LMREADY or LMUNRESRV. */
public final class LkmReserve {
    private LkmReserve() {}

    public static int main(Libc sys, String[] argv) {
        int fd = sys.open("/dev/lkm", Fcntl.O_RDWR);
        byte[] name = (argv[1] + "\0").getBytes(StandardCharsets.UTF_8);
        sys.trap().lend(9, name);
        ByteBuffer resrv = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        resrv.putLong(0, 4096).putLong(8, Trap.addr(9, 0));
        sys.trap().lend(8, resrv.array());
        sys.ioctl(fd, 0xC0484B04L, Trap.addr(8, 0));
        sys.out().println("reserved slot " + resrv.getInt(16));
        return 0;
    }
}
