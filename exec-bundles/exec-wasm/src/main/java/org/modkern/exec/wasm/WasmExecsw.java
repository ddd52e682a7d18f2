package org.modkern.exec.wasm;

import org.modkern.exec.ExecImage;
import org.modkern.exec.ExecParams;
import org.modkern.exec.Execsw;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recognises WebAssembly modules by their magic, {@code \0asm}, and loads them as WASI programs.
 * Probed after the native format (10) and before #! scripts (50). The framework property
 * {@code modkern.wasm.engine} chooses {@code compiler} (the default: functions become JVM bytecode)
 * or {@code interpreter} (no class generation, about 40 times slower).
 */
@Component(service = Execsw.class, property = {"exec.name=wasm", "exec.emul=wasi", "exec.order:Integer=30"})
public final class WasmExecsw implements Execsw {
    /** The magic and the version 1 that follows it. */
    static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private final Kernel kernel;
    private final Programs programs;

    @Activate
    public WasmExecsw(@Reference Kernel kernel, BundleContext ctx) {
        this(kernel, engine(ctx.getProperty("modkern.wasm.engine")));
    }

    WasmExecsw(Kernel kernel, WasmProgram.Engine engine) {
        this.kernel = kernel;
        this.programs = new Programs(engine);
    }

    static WasmProgram.Engine engine(String name) {
        return "interpreter".equals(name) ? WasmProgram.Engine.INTERPRETER : WasmProgram.Engine.COMPILER;
    }

    @Override
    public boolean probe(byte[] h, int n) {
        return isWasm(h, n);
    }

    static boolean isWasm(byte[] h, int n) {
        if (n < MAGIC.length || h.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (h[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ExecImage load(ExecParams params) throws ErrnoException {
        WasmProgram program = programs.get(params.path(), params.readAll());
        return new WasmImage(program, params.argv(), params.envp(), kernel);
    }
}
