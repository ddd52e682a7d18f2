package org.modkern.fuzz;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.modkern.fuzz.Calls.Type;
import org.modkern.fuzz.prog.Script;
import org.modkern.fuzz.prog.Script.Arg;

/**
 * Turns fuzzer input into one process's script: mostly calls of the native table with arguments of
 * their kinds, some of another kind ("wrong types"), some unimplemented or impossible slot numbers,
 * some through the indirect syscall(2).
 *
 * <p>What the fuzz may not do, because it would break the harness rather than test the kernel: no
 * process sends SIGABRT or exits with a status of 100 or more (that is how the oracle knows an
 * exception escaped, or fuzzcalls could not start), and the root process,
 * which is confined to its own directory, gets no argument of a wrong kind where a path goes and
 * does not set kern.securelevel (it only goes up).
 */
final class ScriptGen {
    private ScriptGen() {}

    private static final Type[] ANY = EnumSet.complementOf(EnumSet.of(Type.SLOT)).toArray(new Type[0]);
    private static final Set<Type> PATHS = EnumSet.of(Type.PATH, Type.TARGET, Type.FSTYPE);
    /** Kinds never swapped for another: random bytes as a timespec would mostly sleep until the watchdog. */
    private static final Set<Type> KEEP = EnumSet.of(Type.TIMESPEC);
    private static final int SYS_INDIRECT = 0, SYS_EXIT = 1, SYS_KILL = 37, SYS_SYSCTL = 202, SIGABRT = 6;

    static Script script(Choices d, int uid, int gid, String cwd, boolean confined, int maxCalls,
            int flags) {
        int n = d.consumeInt(1, maxCalls);
        List<Script.Call> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(call(d, confined));
        }
        return new Script(uid, gid, cwd, flags, calls);
    }

    /** Whether a sysctl name argument may be kern.securelevel's {1, 9}: yes unless it points at another name. */
    private static boolean mayNameSecurelevel(Arg name, List<Script.Segment> segments) {
        if (name.kind() != Script.PTR || name.value() != 0) {
            return name.kind() != Script.RAW || name.value() != 0;
        }
        for (Script.Segment s : segments) {
            if (s.index() == name.seg()) {
                byte[] b = s.data();
                return b.length >= 8 && b[0] == 1 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 9 && b[5] == 0
                        && b[6] == 0 && b[7] == 0;
            }
        }
        return true;
    }

    private static Script.Call call(Choices d, boolean confined) {
        int k = d.consumeInt(0, 39);
        int slot = k < 34 ? d.pickValue(Calls.SLOTS) : k < 39 ? d.pickValue(Calls.OTHER_SLOTS) : d.consumeInt();
        if (slot == SYS_EXIT && d.consumeInt(0, 15) != 0) {
            slot = d.pickValue(Calls.SLOTS); // exit ends the script: rarely
        }
        ArgGen g = new ArgGen(d, confined);
        List<Arg> args = new ArrayList<>(6);
        int target = slot;
        if (slot == SYS_INDIRECT) {
            target = d.consumeInt(0, 7) == 0 ? d.pickValue(Calls.OTHER_SLOTS) : d.pickValue(Calls.SLOTS);
            args.add(Arg.raw(target));
        }
        Calls.Sig sig = Calls.TABLE.get(target);
        List<Type> types = sig == null || target == SYS_INDIRECT ? List.of() : sig.args();
        for (int i = 0; args.size() < 6; i++) {
            Type t = i < types.size() ? types.get(i) : null;
            boolean wrong = t == null ? d.consumeInt(0, 3) == 0 : d.consumeInt(0, 11) == 0;
            if (wrong && !(t != null && (KEEP.contains(t) || confined && PATHS.contains(t)))) {
                t = d.pickValue(ANY);
            }
            args.add(t == null ? Arg.raw(d.consumeInt(0, 7) == 0 ? d.consumeLong() : 0) : g.gen(t));
        }
        int at = slot == SYS_INDIRECT ? 1 : 0;
        if (target == SYS_EXIT) {
            // A shell status above 128 reads as a signal, and 100.. are fuzzcalls's own.
            Arg code = args.get(at);
            args.set(at, Arg.raw(code.kind() == Script.RAW ? Math.floorMod(code.value(), 100) : 0));
        }
        if (target == SYS_KILL) {
            Arg sigArg = args.get(at + 1);
            if (sigArg.kind() != Script.RAW || (int) sigArg.value() == SIGABRT) {
                args.set(at + 1, Arg.raw(0));
            }
        }
        if (confined && target == SYS_SYSCTL && mayNameSecurelevel(args.get(at), g.segments())) {
            args.set(at + 4, Arg.raw(0));
        }
        int repeat = 1;
        int span = 1;
        if (d.consumeInt(0, 39) == 0) {
            // Resource limits: a deep tree, a full descriptor table, a full file system, long symlink chains.
            repeat = d.pickValue(new int[] {2, 16, 64, 130, 200});
            span = d.consumeInt(1, 3);
        }
        return new Script.Call(slot, List.copyOf(g.segments()), List.copyOf(args), repeat, span);
    }
}
