package org.modkern.exec.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * A WebAssembly program checked and prepared for running: parsed, its imports bound to wasi
 * sysent slots, and (with the compiler) its functions translated to JVM bytecode once. Shared by
 * every process that runs the same file.
 *
 * @param imports the function imports in order, each with its slot and which arguments are i32
 */
record WasmProgram(WasmModule module, Function<Instance, Machine> machines, List<Binding> imports) {
    /** One imported WASI function: its slot, its type, which parameters to zero-extend. */
    record Binding(String name, int slot, FunctionType type, boolean[] i32) {}

    /** How its functions run: translated to JVM bytecode (fast) or interpreted. */
    enum Engine { COMPILER, INTERPRETER }

    static WasmProgram prepare(String path, byte[] image, Engine engine) throws ErrnoException {
        WasmModule module;
        try {
            module = Parser.parse(image);
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": not a valid WebAssembly module: " + e.getMessage());
        }
        List<Binding> imports = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import im = module.importSection().getImport(i);
            String what = im.module() + "." + im.name();
            if (im.importType() != ExternalType.FUNCTION) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": imports " + what + " (a "
                        + im.importType().name().toLowerCase() + "); a WASI program imports functions only");
            }
            int slot = WasiAbi.MODULE.equals(im.module()) ? WasiAbi.slot(im.name()) : -1;
            if (slot < 0) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": imports " + what
                        + ", which the wasi emulation (" + WasiAbi.MODULE + ") does not have");
            }
            FunctionType t = module.typeSection().getType(((FunctionImport) im).typeIndex());
            if (t.params().size() > org.modkern.kern.SyscallArgs.MAX || t.returns().size() > 1) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": imports " + what + " with the type " + t
                        + ", not WASI's");
            }
            boolean[] i32 = new boolean[t.params().size()];
            for (int k = 0; k < i32.length; k++) {
                i32[k] = t.params().get(k).equals(ValType.I32);
            }
            imports.add(new Binding(im.name(), slot, t, i32));
        }
        boolean start = false;
        boolean memory = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            var e = module.exportSection().getExport(i);
            start |= e.name().equals("_start") && e.exportType() == ExternalType.FUNCTION;
            memory |= e.name().equals("memory") && e.exportType() == ExternalType.MEMORY;
        }
        if (!start) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": exports no _start function (a WASI command "
                    + "has one; a reactor or library module cannot be run)");
        }
        if (!memory) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": exports no memory (WASI programs share theirs)");
        }
        Function<Instance, Machine> machines;
        if (engine == Engine.COMPILER) {
            try {
                machines = MachineFactoryCompiler.compile(module);
            } catch (ChicoryException | IllegalArgumentException e) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": cannot be compiled: " + e.getMessage());
            }
        } else {
            machines = InterpreterMachine::new;
        }
        return new WasmProgram(module, machines, List.copyOf(imports));
    }
}
