package org.modkern.kernel.internal.sysent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Deque;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.modkern.kern.Sysent;

/**
 * One emulation's system-call table. Dispatch reads a slot with one acquire load of a fixed
 * array, so it takes no lock and allocates nothing; installing and removing handlers happen
 * under this table's monitor and publish the new entry with a release store. Each slot keeps
 * the stack of entries it replaced, so removing a handler puts back the one below it.
 */
public final class SysentTable implements Sysent {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(SysentEntry[].class);
    public static final String KERNEL = "kernel";

    private final String emulation;
    private final SysentEntry[] table;
    private final Deque<SysentEntry>[] below;

    @SuppressWarnings("unchecked")
    public SysentTable(String emulation, int size) {
        this.emulation = emulation;
        this.table = new SysentEntry[size];
        this.below = new Deque[size];
        for (int i = 0; i < size; i++) {
            boolean lkm = i >= SyscallService.LKM_FIRST && i <= SyscallService.LKM_LAST;
            table[i] = new SysentEntry(new NoSys(i), lkm ? "lkmnosys" : "nosys", KERNEL);
        }
    }

    /** The entry now in {@code code}, or null when the number is outside the table. */
    public SysentEntry lookup(int code) {
        if (code < 0 || code >= table.length) {
            return null;
        }
        return (SysentEntry) SLOT.getAcquire(table, code);
    }

    /** Fills a slot at boot (no stack: the kernel's own call is the bottom). */
    public synchronized void define(int slot, String name, SyscallHandler handler) {
        SLOT.setRelease(table, slot, new SysentEntry(handler, name, KERNEL));
    }

    /**
     * Puts {@code entry} in slot {@code slot}, or in the first free loadable slot for -1.
     *
     * @return the slot used
     * @throws ErrnoException EINVAL outside the table, ENFILE when no loadable slot is free
     */
    public synchronized int install(int slot, SysentEntry entry) throws ErrnoException {
        if (slot == -1) {
            slot = firstFreeLoadableSlot();
        } else if (slot < 0 || slot >= table.length) {
            throw new ErrnoException(Errno.EINVAL, "system call slot " + slot
                    + " is outside the " + emulation + " table (0.." + (table.length - 1) + ")");
        }
        if (below[slot] == null) {
            below[slot] = new ArrayDeque<>();
        }
        below[slot].push(table[slot]);
        SLOT.setRelease(table, slot, entry);
        return slot;
    }

    private int firstFreeLoadableSlot() throws ErrnoException {
        for (int i = SyscallService.LKM_FIRST; i <= SyscallService.LKM_LAST && i < table.length; i++) {
            if (table[i].isPlaceholder()) {
                return i;
            }
        }
        throw new ErrnoException(Errno.ENFILE, "no free loadable system call slot ("
                + SyscallService.LKM_FIRST + ".." + SyscallService.LKM_LAST + " are all taken)");
    }

    /**
     * Takes {@code entry} out of slot {@code slot}: if it is the current handler, the one it
     * replaced returns to its rightful place; if a later module replaced it in turn, it is
     * dropped from the stack and the later one stays.
     */
    public synchronized void remove(int slot, SysentEntry entry) {
        Deque<SysentEntry> stack = below[slot];
        if (table[slot] == entry) {
            SLOT.setRelease(table, slot, stack.pop());
        } else if (stack != null) {
            stack.removeFirstOccurrence(entry);
        }
    }

    @Override
    public String emulation() {
        return emulation;
    }

    @Override
    public int size() {
        return table.length;
    }

    @Override
    public SyscallHandler handler(int n) {
        SysentEntry e = lookup(n);
        return e == null ? null : e.handler();
    }

    @Override
    public String name(int n) {
        SysentEntry e = lookup(n);
        return e == null ? null : e.name();
    }

    @Override
    public String owner(int n) {
        SysentEntry e = lookup(n);
        return e == null ? null : e.owner();
    }

    @Override
    public synchronized SyscallHandler next(int n, SyscallHandler handler) {
        if (n < 0 || n >= table.length) {
            return null;
        }
        boolean found = table[n].handler() == handler;
        if (below[n] != null) {
            for (SysentEntry e : below[n]) {
                if (found) {
                    return e.handler();
                }
                found = e.handler() == handler;
            }
        }
        return null;
    }

    @Override
    public synchronized int depth(int n) {
        return n < 0 || n >= table.length || below[n] == null ? 0 : below[n].size();
    }
}
