package org.modkern.exec.wasm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class WasmExecswTest {
    private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private static byte[] module(int... sections) {
        byte[] m = new byte[HEADER.length + sections.length];
        System.arraycopy(HEADER, 0, m, 0, HEADER.length);
        for (int i = 0; i < sections.length; i++) {
            m[HEADER.length + i] = (byte) sections[i];
        }
        return m;
    }

    @Test
    public void theProbeSeesTheMagicOnly() {
        assertTrue(WasmExecsw.isWasm(HEADER, 8));
        assertTrue(WasmExecsw.isWasm(HEADER, 4));
        assertFalse(WasmExecsw.isWasm(HEADER, 3));
        assertFalse(WasmExecsw.isWasm(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, 4));
        assertFalse(WasmExecsw.isWasm("#!/bin/sh\n".getBytes(), 10));
        assertFalse(WasmExecsw.isWasm(new byte[] {0, 'a', 's', 'M'}, 4));
    }

    @Test
    public void aBrokenModuleIsEnoexecWithWhatTheParserSaid() {
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> WasmProgram.prepare("/x.wasm",
                module(0x01, 0x7f, 0x01), WasmProgram.Engine.INTERPRETER));
        assertTrue(e.detail(), e.detail().startsWith("/x.wasm: not a valid WebAssembly module: "));
    }

    @Test
    public void aModuleWithoutStartIsEnoexec() {
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> WasmProgram.prepare("/lib.wasm", module(),
                WasmProgram.Engine.INTERPRETER));
        assertTrue(e.detail(), e.detail().contains("exports no _start function"));
    }

    @Test
    public void anImportWasiDoesNotHaveIsEnoexecNamingIt() {
        // type () -> (); import "env" "foo" as function of type 0
        byte[] m = module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
                0x02, 0x0b, 0x01, 0x03, 'e', 'n', 'v', 0x03, 'f', 'o', 'o', 0x00, 0x00);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> WasmProgram.prepare("/p.wasm", m,
                WasmProgram.Engine.INTERPRETER));
        assertEquals("/p.wasm: imports env.foo, which the wasi emulation (wasi_snapshot_preview1) does not have",
                e.detail());
    }

    @Test
    public void aCProgramsImportsAreBoundToWasiSlotsAndItCompiles() throws Exception {
        byte[] image = Files.readAllBytes(Path.of("../../tests/wasm/wecho.wasm"));
        WasmProgram p = WasmProgram.prepare("/wecho.wasm", image, WasmProgram.Engine.COMPILER);
        assertTrue(p.imports().size() >= 4);
        for (WasmProgram.Binding b : p.imports()) {
            assertEquals(b.name(), WasiAbi.slot(b.name()), b.slot());
        }
        WasmProgram.Binding write = p.imports().stream().filter(b -> b.name().equals("fd_write")).findFirst()
                .orElseThrow();
        assertEquals(4, write.i32().length);
        assertTrue(write.i32()[0] && write.i32()[3]);
    }

    @Test
    public void preparedProgramsAreKeptByTheirContents() throws Exception {
        byte[] image = Files.readAllBytes(Path.of("../../tests/wasm/wexit.wasm"));
        Programs programs = new Programs(WasmProgram.Engine.INTERPRETER);
        WasmProgram a = programs.get("/a", image);
        assertTrue(a == programs.get("/b", image.clone()));
    }

    @Test
    public void trapsBecomeTheSignalsOfMachineFaults() {
        assertEquals(WasmImage.SIGABRT, WasmImage.signalOf(new RuntimeException("Trapped on unreachable instruction")));
        assertEquals(WasmImage.SIGFPE, WasmImage.signalOf(new RuntimeException("integer divide by zero")));
        assertEquals(WasmImage.SIGSEGV, WasmImage.signalOf(new RuntimeException("out of bounds memory access")));
        assertEquals(WasmImage.SIGSEGV, WasmImage.signalOf(new StackOverflowError()));
        assertEquals(WasmImage.SIGILL, WasmImage.signalOf(new RuntimeException("indirect call type mismatch")));
    }
}
