package org.modkern.dev.console;

import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Terminal;
import org.modkern.kern.Termios;
import org.modkern.kern.Uio;
import org.osgi.service.component.annotations.Component;

/** The console's cdevsw: minor 0 only; I/O through the caller's terminal. */
@Component(service = Cdevsw.class, property = {"dev.name=console", "dev.major:Integer=0"})
public final class ConsoleCdevsw implements Cdevsw {
    private static final int CHUNK = 4096;

    @Override
    public void open(int minor, int fflags, Proc p) throws ErrnoException {
        if (minor != 0) {
            throw new ErrnoException(Errno.ENXIO, "console has only minor 0, not " + minor);
        }
    }

    @Override
    public int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        Terminal t = terminal(uio);
        byte[] buf = new byte[Math.min(CHUNK, Math.max(uio.resid(), 1))];
        int n = t.read(buf, 0, Math.min(buf.length, uio.resid()));
        return n <= 0 ? 0 : uio.move(buf, 0, n);
    }

    @Override
    public int write(int minor, Uio uio, int ioflag) throws ErrnoException {
        Terminal t = terminal(uio);
        byte[] buf = new byte[Math.min(CHUNK, Math.max(uio.resid(), 1))];
        int total = 0;
        while (uio.resid() > 0) {
            int n = uio.move(buf, 0, Math.min(buf.length, uio.resid()));
            t.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    /** TIOCGETA, TIOCSETA, TIOCSETAW, TIOCSETAF and TIOCGWINSZ (ttycom.h). */
    static final long TIOCGETA = 0x402C7413L, TIOCSETA = 0x802C7414L, TIOCSETAW = 0x802C7415L,
            TIOCSETAF = 0x802C7416L, TIOCGWINSZ = 0x40087468L;

    @Override
    public long ioctl(int minor, long cmd, long data, int fflags, Proc p) throws ErrnoException {
        Terminal t = p == null ? null : p.terminal();
        if (t == null) {
            throw new ErrnoException(Errno.ENXIO, "the caller has no terminal");
        }
        if (cmd == TIOCGETA) {
            byte[] raw = t.getattr().encode();
            p.userSpace().copyout(raw, 0, data, raw.length);
        } else if (cmd == TIOCSETA || cmd == TIOCSETAW || cmd == TIOCSETAF) {
            byte[] raw = new byte[Termios.SIZE];
            p.userSpace().copyin(data, raw, 0, raw.length);
            t.setattr(Termios.decode(raw), cmd == TIOCSETAF);
        } else if (cmd == TIOCGWINSZ) {
            // The operator's terminal size is not passed through: the classic 24 x 80.
            byte[] ws = {24, 0, 80, 0, 0, 0, 0, 0};
            p.userSpace().copyout(ws, 0, data, ws.length);
        } else {
            throw new ErrnoException(Errno.ENOTTY, "console: ioctl 0x" + Long.toHexString(cmd) + " is not a tty ioctl");
        }
        return 0;
    }

    private static Terminal terminal(Uio uio) throws ErrnoException {
        Proc p = uio.proc();
        Terminal t = p == null ? null : p.terminal();
        if (t == null) {
            throw new ErrnoException(Errno.ENXIO, "the caller has no terminal");
        }
        return t;
    }
}
