package org.modkern.exec.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.exec.ExecImage;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;

/**
 * A loaded WASI program: an instance of its module whose imports trap into the kernel, run from
 * {@code _start}. Returning from it is exit status 0 (wasi-libc calls proc_exit otherwise). A trap
 * (unreachable, an access outside memory, a division by zero, a stack overflow) ends the process
 * with the signal a machine fault would raise, through the emulation's proc_raise.
 */
final class WasmImage implements ExecImage {
    // WASI's signal numbers for the faults (the same as NetBSD's).
    static final int SIGILL = 4, SIGABRT = 6, SIGFPE = 8, SIGSEGV = 11;

    private final WasmProgram program;
    private final String[] argv;
    private final String[] envp;
    private final Kernel kernel;

    WasmImage(WasmProgram program, String[] argv, String[] envp, Kernel kernel) {
        this.program = program;
        this.argv = argv;
        this.envp = envp;
        this.kernel = kernel;
    }

    @Override
    public int run(Proc p) {
        LinearMemory memory = new LinearMemory(argv, envp);
        p.setUserSpace(memory);
        try {
            Instance instance = Instance.builder(program.module())
                    .withImportValues(WasiTrap.imports(program, p, memory))
                    .withMachineFactory(program.machines())
                    .withStart(false)
                    .build();
            memory.bind(instance.memory());
            instance.export("_start").apply();
            return 0;
        } catch (ChicoryInterruptedException e) {
            // A signal interrupted a loop: the kernel acts on it as the process ends.
            throw e;
        } catch (ChicoryException | StackOverflowError e) {
            // Traps (TrapException) and the runtime's own checks (WasmRuntimeException) alike.
            throw fault(p, e, signalOf(e));
        }
    }

    /** The signal a trap stands for; a program's abort() is wasm's unreachable. */
    static int signalOf(Throwable t) {
        String m = String.valueOf(t.getMessage()).toLowerCase();
        if (t instanceof StackOverflowError || m.contains("out of bounds") || m.contains("call stack exhausted")) {
            return SIGSEGV;
        }
        if (m.contains("divide by zero") || m.contains("integer overflow")) {
            return SIGFPE;
        }
        if (m.contains("unreachable")) {
            return SIGABRT;
        }
        return SIGILL;
    }

    /** Logs the trap and raises {@code sig} on the process; what is left to throw if it did not end it. */
    private RuntimeException fault(Proc p, Throwable t, int sig) {
        kernel.log("pid " + p.pid() + " (" + p.comm() + "): wasm trap: " + t.getMessage());
        p.args().set(sig, 0, 0, 0, 0, 0);
        p.syscall(WasiAbi.slot("proc_raise"));
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
