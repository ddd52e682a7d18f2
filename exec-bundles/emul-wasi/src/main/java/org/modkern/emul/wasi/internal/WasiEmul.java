package org.modkern.emul.wasi.internal;

import java.util.Map;
import org.modkern.emul.Emul;
import org.modkern.emul.wasi.WasiAbi;
import org.modkern.emul.wasi.WasiErrno;
import org.modkern.kern.Kernel;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.modkern.kern.Sysent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The wasi emulation (emul_register): a sysent of the WASI preview-1 calls, each one translated
 * onto the native calls of the calling process.
 */
@Component(service = Emul.class, property = "emul.name=" + WasiAbi.EMUL)
public final class WasiEmul implements Emul {
    private final Map<Integer, SyscallHandler> calls;

    @Activate
    public WasiEmul(@Reference Kernel kernel) {
        Sysent nativeSysent = kernel.sysent(SyscallService.NATIVE);
        if (nativeSysent == null) {
            throw new IllegalStateException("the kernel has no native sysent");
        }
        this.calls = WasiSysent.calls(new Native(nativeSysent));
    }

    @Override
    public int sysentSize() {
        return WasiAbi.CALLS.size();
    }

    @Override
    public Map<Integer, SyscallHandler> syscalls() {
        return calls;
    }

    @Override
    public int errno(int nativeErrno) {
        return WasiErrno.fromNative(nativeErrno);
    }
}
