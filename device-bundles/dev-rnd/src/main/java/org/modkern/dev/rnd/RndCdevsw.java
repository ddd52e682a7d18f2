package org.modkern.dev.rnd;

import java.security.SecureRandom;
import java.util.Arrays;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.service.component.annotations.Component;

/** rnd's cdevsw: /dev/random and /dev/urandom, one SecureRandom behind both. */
// NetBSD's rnd is major 46; this module asks for -1 instead and lets the kernel assign one, the
// case lkm(4) describes: its nodes can only be made after the load, by rnd.postinstall.
@Component(service = Cdevsw.class, property = {"dev.name=rnd", "dev.major:Integer=-1"})
public final class RndCdevsw implements Cdevsw {
    public static final int RANDOM = 0, URANDOM = 1;
    private static final int CHUNK = 4096;

    private final SecureRandom random;

    public RndCdevsw() {
        this(new SecureRandom());
    }

    RndCdevsw(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void open(int minor, int fflags, Proc p) throws ErrnoException {
        check(minor);
    }

    @Override
    public int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        check(minor);
        byte[] buf = new byte[Math.min(CHUNK, Math.max(1, uio.resid()))];
        int total = 0;
        while (uio.resid() > 0) {
            int n = Math.min(buf.length, uio.resid());
            if (n < buf.length) {
                buf = new byte[n];
            }
            random.nextBytes(buf);
            total += uio.move(buf, 0, n);
        }
        return total;
    }

    @Override
    public int write(int minor, Uio uio, int ioflag) throws ErrnoException {
        check(minor);
        byte[] buf = new byte[Math.min(CHUNK, Math.max(1, uio.resid()))];
        int total = 0;
        while (uio.resid() > 0) {
            int n = uio.move(buf, 0, Math.min(buf.length, uio.resid()));
            random.setSeed(n == buf.length ? buf : Arrays.copyOf(buf, n));
            total += n;
        }
        return total;
    }

    private static void check(int minor) throws ErrnoException {
        if (minor != RANDOM && minor != URANDOM) {
            throw new ErrnoException(Errno.ENXIO, "rnd has minors 0 (random) and 1 (urandom), not " + minor);
        }
    }
}
