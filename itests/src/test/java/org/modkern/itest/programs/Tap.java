package org.modkern.itest.programs;

import java.util.function.Supplier;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/** Test-anything-protocol lines from inside the emulated system: "ok N - what" / "not ok N - what". */
final class Tap {
    private final Libc sys;
    private int n;
    private int failed;

    Tap(Libc sys) {
        this.sys = sys;
    }

    void ok(boolean cond, String what) {
        n++;
        if (!cond) {
            failed++;
        }
        sys.out().println((cond ? "ok " : "not ok ") + n + " - " + what);
        sys.flush();
    }

    /** Passes when {@code call} fails with errno {@code errnoName}. */
    void fails(String errnoName, Runnable call, String what) {
        try {
            call.run();
            ok(false, what + " (succeeded, expected " + errnoName + ")");
        } catch (SysError e) {
            ok(e.errnoName().equals(errnoName), what + " (" + e.errnoName() + ": " + e.detail() + ")");
        }
    }

    /** Passes when {@code call} succeeds and its value satisfies nothing more. */
    <T> T value(Supplier<T> call, String what) {
        try {
            T v = call.get();
            ok(true, what);
            return v;
        } catch (SysError e) {
            ok(false, what + " (" + e.describe() + ")");
            return null;
        }
    }

    int finish() {
        sys.out().println("1.." + n + (failed == 0 ? "" : " # " + failed + " failed"));
        return failed == 0 ? 0 : 1;
    }
}
