package org.modkern.userland.lib;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;

/** isatty(3): whether a descriptor is a terminal, asked with the TIOCGETA ioctl. */
public final class Tty {
    private Tty() {}

    /** ttycom.h's TIOCGETA: _IOR('t', 19, struct termios), 44 bytes. */
    private static final long TIOCGETA = 0x402C7413L;
    /** The segment lent for the termios (libc's own are 0-7). */
    private static final int SEG_TTY = 8;

    public static boolean isatty(Libc sys, int fd) {
        if (fd < 0) {
            return false;
        }
        try {
            sys.trap().lend(SEG_TTY, new byte[44]);
            sys.ioctl(fd, TIOCGETA, Trap.addr(SEG_TTY, 0));
            return true;
        } catch (SysError e) {
            return false;
        }
    }
}
