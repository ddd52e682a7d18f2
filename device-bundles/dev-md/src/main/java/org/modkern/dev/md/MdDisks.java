package org.modkern.dev.md;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.modkern.dev.Bdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The md units and their configuration (ConfigAdmin pid {@value #PID}), shared by the block and
 * raw switch entries. A configuration change applies to the units whose {@code mdN.size} changed;
 * a unit that is open keeps its size, and the change is reported as an error of the update.
 * Immediate, so the disks live as long as the module, whoever holds the switch entries.
 */
@Component(service = MdDisks.class, configurationPid = MdDisks.PID, immediate = true)
public final class MdDisks {
    static final String PID = "org.modkern.dev.md";
    static final int UNITS = 4;
    static final long DEFAULT_MAX = 64L << 20;

    private final MdUnit[] units = new MdUnit[UNITS];
    private final Object[] configured = new Object[UNITS];
    private volatile long max = DEFAULT_MAX;

    public MdDisks() {
        for (int i = 0; i < UNITS; i++) {
            units[i] = new MdUnit(i);
        }
    }

    /** Applies the configuration; a bad value fails the activation (modload reports it). */
    @Activate
    void activate(Map<String, Object> props) throws ErrnoException {
        configure(props, true);
    }

    @Modified
    void modified(Map<String, Object> props) throws ErrnoException {
        configure(props, false);
    }

    private void configure(Map<String, Object> props, boolean all) throws ErrnoException {
        Object m = props.get("max");
        long newMax = m == null ? DEFAULT_MAX : Sizes.parse(PID + " max", m);
        long[] sizes = new long[UNITS];
        for (int i = 0; i < UNITS; i++) {
            Object v = props.get("md" + i + ".size");
            sizes[i] = v == null ? 0 : Sizes.parse(PID + " md" + i + ".size", v);
            check(units[i], sizes[i], newMax);
        }
        max = newMax;
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            Object v = props.get("md" + i + ".size");
            if (all || !Objects.equals(v, configured[i])) {
                try {
                    units[i].configure(sizes[i]);
                    configured[i] = v;
                } catch (ErrnoException e) {
                    refused.add(e.detail());
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new ErrnoException(Errno.EBUSY, String.join("; ", refused));
        }
    }

    /** The unit of {@code minor}; ENXIO for a minor beyond the units. */
    MdUnit unit(int minor) throws ErrnoException {
        if (minor < 0 || minor >= UNITS) {
            throw new ErrnoException(Errno.ENXIO, "md has units 0.." + (UNITS - 1) + ", not " + minor);
        }
        return units[minor];
    }

    /** MD_SETCONF: EINVAL over the limit or for a partial block, EBUSY while open. */
    void setconf(MdUnit u, long size) throws ErrnoException {
        check(u, size, max);
        u.configure(size);
    }

    private static void check(MdUnit u, long size, long max) throws ErrnoException {
        if (size < 0 || size > max) {
            throw new ErrnoException(Errno.EINVAL, u.name() + ": " + Long.toUnsignedString(size)
                    + " bytes is over the limit of " + max + " bytes per unit (" + PID + " max)");
        }
        if (size % Bdevsw.BSIZE != 0) {
            throw new ErrnoException(Errno.EINVAL, u.name() + ": " + size + " bytes is not a whole number of "
                    + Bdevsw.BSIZE + "-byte blocks");
        }
    }
}
