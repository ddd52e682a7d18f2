package org.modkern.exec.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.emul.wasi.WasiErrno;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/**
 * The trap of WASI programs: each imported function puts its arguments in the process's argument
 * block (i32 zero-extended: addresses, sizes, descriptors) and makes the system call of its slot
 * through the process's sysent, the wasi emulation's. A failed call's native errno becomes the
 * function's WASI errno; a success is 0. Pending signals are acted on when the call returns, as
 * at every kernel exit.
 */
final class WasiTrap {
    private WasiTrap() {}

    static ImportValues imports(WasmProgram program, Proc p, LinearMemory memory) {
        ImportValues.Builder b = ImportValues.builder();
        for (WasmProgram.Binding im : program.imports()) {
            b.addFunction(function(im, p, memory));
        }
        return b.build();
    }

    private static HostFunction function(WasmProgram.Binding im, Proc p, LinearMemory memory) {
        int slot = im.slot();
        boolean[] i32 = im.i32();
        boolean returns = !im.type().returns().isEmpty();
        long[] result = new long[1];
        return new HostFunction(WasiAbi.MODULE, im.name(), im.type(), (Instance instance, long... args) -> {
            if (!memory.bound()) {
                memory.bind(instance.memory());
            }
            SyscallArgs a = p.args();
            a.set(word(args, i32, 0), word(args, i32, 1), word(args, i32, 2), word(args, i32, 3),
                    word(args, i32, 4), word(args, i32, 5));
            for (int i = 6; i < args.length; i++) {
                a.set(i, word(args, i32, i));
            }
            long r = p.syscall(slot);
            if (!returns) {
                return null;
            }
            result[0] = r < 0 ? WasiErrno.fromNative(p.errno()) : r;
            return result;
        });
    }

    private static long word(long[] args, boolean[] i32, int i) {
        if (i >= args.length) {
            return 0;
        }
        return i32[i] ? args[i] & 0xffffffffL : args[i];
    }
}
