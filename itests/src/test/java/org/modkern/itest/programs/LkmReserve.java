package org.modkern.itest.programs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;

/**
 * lkmreserve [-u UID] NAME: LMRESERV on /dev/lkm, print the slot, and exit without LMREADY or
 * LMUNRESRV. With -u, as user UID (setuid(2) first); a refusal prints {@code errno=N (NAME) detail}.
 */
public final class LkmReserve {
    private static final int SYS_SETUID = 23;

    private LkmReserve() {}

    public static int main(Libc sys, String[] argv) {
        int arg = 1;
        if (argv[1].equals("-u")) {
            if (sys.trap().syscall(SYS_SETUID, Long.parseLong(argv[2]), 0, 0, 0, 0, 0) == -1) {
                return refused(sys, "setuid");
            }
            arg = 3;
        }
        try {
            return reserve(sys, argv[arg]);
        } catch (SysError e) {
            sys.out().println("errno=" + e.errno() + " (" + Errors.name(e.errno()) + ") " + e.detail());
            return 1;
        }
    }

    private static int refused(Libc sys, String what) {
        int e = sys.trap().errno();
        sys.out().println(what + ": errno=" + e + " (" + Errors.name(e) + ") " + sys.trap().errorDetail());
        return 1;
    }

    private static int reserve(Libc sys, String module) {
        int fd = sys.open("/dev/lkm", Fcntl.O_RDWR);
        byte[] name = (module + "\0").getBytes(StandardCharsets.UTF_8);
        sys.trap().lend(9, name);
        ByteBuffer resrv = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        resrv.putLong(0, 4096).putLong(8, Trap.addr(9, 0));
        sys.trap().lend(8, resrv.array());
        sys.ioctl(fd, 0xC0484B04L, Trap.addr(8, 0));
        sys.out().println("reserved slot " + resrv.getInt(16));
        return 0;
    }
}
