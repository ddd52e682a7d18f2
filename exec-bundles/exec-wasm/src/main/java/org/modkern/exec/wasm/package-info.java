/**
 * The wasm exec format (an execution interpreter in lkm(4)'s words): a WebAssembly module, magic
 * {@code \0asm}, is run by Chicory, a pure-Java WebAssembly runtime embedded in this bundle, under
 * the wasi emulation. Each imported WASI function is a trap into the process's sysent (the wasi
 * one), and the module's linear memory is the process's user memory; the emulation does the rest
 * with the kernel's native calls.
 */
@Header(name = "Modkern-Module", value = "exec_wasm")
@Header(name = "Modkern-Module-Type", value = "exec")
package org.modkern.exec.wasm;

import org.osgi.annotation.bundle.Header;
