package org.modkern.dev.mem;

import java.util.function.IntSupplier;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** mm's cdevsw: /dev/mem, /dev/kmem, /dev/null and /dev/zero by minor. */
@Component(service = Cdevsw.class, property = {"dev.name=mem", "dev.major:Integer=2"})
public final class MemCdevsw implements Cdevsw {
    public static final int MEM = 0, KMEM = 1, NULL = 2, ZERO = 12;
    private static final int CHUNK = 4096;
    /** Never written: what /dev/zero reads out. */
    private static final byte[] ZEROS = new byte[CHUNK];

    @Reference
    private Kernel kernel;

    private final IntSupplier securelevel;

    /** For DS: the securelevel is the kernel's. */
    public MemCdevsw() {
        this.securelevel = () -> kernel.securelevel();
    }

    /** For tests: the securelevel from {@code securelevel}. */
    MemCdevsw(IntSupplier securelevel) {
        this.securelevel = securelevel;
    }

    @Override
    public void open(int minor, int fflags, Proc p) throws ErrnoException {
        switch (minor) {
            case MEM, KMEM -> {
                String dev = minor == MEM ? "/dev/mem" : "/dev/kmem";
                int level = securelevel.getAsInt();
                if (level > 0) {
                    throw new ErrnoException(Errno.EPERM, dev + " cannot be opened at securelevel " + level);
                }
                throw new ErrnoException(Errno.ENODEV, dev + ": a JVM has no physical memory to show");
            }
            case NULL, ZERO -> { }
            default -> throw noSuchMinor(minor);
        }
    }

    @Override
    public int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        return switch (minor) {
            case NULL -> 0;
            case ZERO -> {
                int total = 0;
                while (uio.resid() > 0) {
                    total += uio.move(ZEROS, 0, Math.min(CHUNK, uio.resid()));
                }
                yield total;
            }
            default -> throw noSuchMinor(minor);
        };
    }

    @Override
    public int write(int minor, Uio uio, int ioflag) throws ErrnoException {
        if (minor != NULL && minor != ZERO) {
            throw noSuchMinor(minor);
        }
        // A uio only advances by moving, so the bytes go through a scratch buffer and are dropped.
        byte[] sink = new byte[Math.min(CHUNK, Math.max(1, uio.resid()))];
        int total = 0;
        while (uio.resid() > 0) {
            total += uio.move(sink, 0, Math.min(sink.length, uio.resid()));
        }
        return total;
    }

    private static ErrnoException noSuchMinor(int minor) {
        return new ErrnoException(Errno.ENXIO, "mem has minors 0 (mem), 1 (kmem), 2 (null) and 12 (zero), not "
                + minor);
    }
}
