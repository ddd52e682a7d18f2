package org.modkern.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modkern.fuzz.prog.Script;

/**
 * A script written by hand, for the regression tests of what the fuzzer found: calls whose String
 * arguments become NUL-terminated strings in memory of their own and whose numbers are passed as
 * they are; run with fuzzcalls's trace, which says what each call returned.
 */
final class HandScript {
    private final int uid;
    private final String cwd;
    private final List<Script.Call> calls = new ArrayList<>();

    /** One call's result: the value returned and the errno (0 when it succeeded). */
    record Outcome(long value, int errno, String detail) {}

    HandScript(int uid, String cwd) {
        this.uid = uid;
        this.cwd = cwd;
    }

    HandScript call(int slot, Object... args) {
        List<Script.Segment> segs = new ArrayList<>();
        List<Script.Arg> words = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof String s) {
                byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), s.getBytes(StandardCharsets.UTF_8).length + 1);
                segs.add(new Script.Segment(segs.size(), b.length, b));
                words.add(Script.Arg.ptr(segs.size() - 1, 0));
            } else {
                words.add(Script.Arg.raw(((Number) a).longValue()));
            }
        }
        while (words.size() < 6) {
            words.add(Script.Arg.raw(0));
        }
        calls.add(new Script.Call(slot, segs, words));
        return this;
    }

    /** Runs it; the outcome of each call, in order. */
    List<Outcome> run(BootedSystem sys) {
        Script s = new Script(uid, uid < 0 ? -1 : 100, cwd, Script.TRACE, calls);
        BootedSystem.Result r = sys.run(s.encode(), "/usr/fuzz/fuzzcalls");
        Matcher m = Pattern.compile("(?m)^#(\\d+) -?\\d+ -> (-?\\d+)(?: errno (\\d+) (.*))?$").matcher(r.output());
        List<Outcome> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Outcome(Long.parseLong(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                    m.group(4)));
        }
        if (r.status() != 0 || out.size() != calls.size()) {
            throw new AssertionError("fuzzcalls exited " + r.status() + " after " + out.size() + " of " + calls.size()
                    + " calls:\n" + r.output());
        }
        return out;
    }
}
