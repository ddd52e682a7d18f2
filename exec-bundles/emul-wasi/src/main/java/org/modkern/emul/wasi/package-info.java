/**
 * The wasi emulation's ABI, for exec formats whose programs use it (exec-wasm): the calls of the
 * WebAssembly System Interface, preview 1, in the order of their sysent slots ({@link
 * org.modkern.emul.wasi.WasiAbi}); the WASI errno of a native one ({@link
 * org.modkern.emul.wasi.WasiErrno}); and what the emulation needs of a program's user memory
 * ({@link org.modkern.emul.wasi.WasiUserSpace}). No WebAssembly runtime's types cross this package:
 * a call is a trap with machine words, memory is the kernel's {@code UserSpace}.
 */
@Header(name = "Modkern-Module", value = "emul_wasi")
@Header(name = "Modkern-Module-Type", value = "emul")
@Export
@Version("1.0.0")
package org.modkern.emul.wasi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.versioning.Version;
