package org.modkern.kernel.internal.wiring;

import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.Faults;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Fills one kernel switch table from services modules register (the whiteboard pattern). A
 * service of a bundle the kernel does not admit is ignored and logged; one the table refuses
 * (a taken name or major) is logged with the reason. Each tracked service keeps the record of
 * what wiring it did, and removal undoes exactly that.
 *
 * @param <S> the service type
 * @param <R> the record of one wiring
 */
public abstract class WhiteboardTracker<S, R> extends ServiceTracker<S, R> {
    private final Admission admission;
    protected final Faults faults;
    private final WiringLog log;
    private final String what;

    protected WhiteboardTracker(BundleContext ctx, Class<S> type, Wiring wiring, String what) {
        super(ctx, type, null);
        this.admission = wiring.admission();
        this.faults = wiring.faults();
        this.log = wiring.log();
        this.what = what;
    }

    /** What the trackers share: who is admitted, where faults and wirings are recorded. */
    public record Wiring(Admission admission, Faults faults, WiringLog log) {}

    /** Wires the service into the table; throws when the table refuses it. */
    protected abstract R wire(ServiceReference<S> ref, S service, String module) throws ErrnoException;

    /** Undoes {@link #wire}. */
    protected abstract void unwire(R record);

    /** The record as the LKM facility and the message buffer see it. */
    protected abstract org.modkern.kern.WiredService describe(R record);

    private static String text(org.modkern.kern.WiredService w) {
        return w.table() + " " + w.name() + (w.value() >= 0 ? " at " + w.value() : "");
    }

    @Override
    public R addingService(ServiceReference<S> ref) {
        if (ref.getBundle() == null) {
            return null;
        }
        String module = Admission.moduleName(ref.getBundle());
        if (!admission.admits(ref.getBundle())) {
            String why = "ignoring a " + what + " of bundle " + ref.getBundle().getSymbolicName()
                    + ": it is not a loaded module (load it with modload)";
            faults.log(why);
            log.refused(ref.getBundle(), why);
            return null;
        }
        S service = context.getService(ref);
        if (service == null) {
            return null;
        }
        try {
            R r = wire(ref, service, module);
            faults.register(service, module);
            log.wired(ref.getBundle(), describe(r));
            faults.log(module + ": wired " + text(describe(r)));
            return r;
        } catch (ErrnoException | RuntimeException e) {
            String why = module + ": refused its " + what + ": " + e.getMessage();
            faults.log(why);
            log.refused(ref.getBundle(), why);
            context.ungetService(ref);
            return null;
        }
    }

    @Override
    public void modifiedService(ServiceReference<S> ref, R record) {
        // Properties are read once, at wiring; a module changes them by re-registering.
    }

    @Override
    public void removedService(ServiceReference<S> ref, R record) {
        unwire(record);
        if (ref.getBundle() != null) {
            log.unwired(ref.getBundle(), describe(record));
        }
        faults.log("unwired " + text(describe(record)));
        context.ungetService(ref);
    }

    protected static String stringProp(ServiceReference<?> ref, String key, String dflt) {
        Object v = ref.getProperty(key);
        return v == null ? dflt : v.toString();
    }

    protected static int intProp(ServiceReference<?> ref, String key, int dflt) throws ErrnoException {
        Object v = ref.getProperty(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ErrnoException(org.modkern.kern.Errno.EINVAL, key + "=" + v + " is not a number");
        }
    }
}
