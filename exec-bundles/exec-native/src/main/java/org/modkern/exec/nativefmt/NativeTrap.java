package org.modkern.exec.nativefmt;

import org.modkern.kern.Proc;
import org.modkern.libc.Trap;

/** The native ABI's trap: the six argument words into the process's block, then its sysent. */
final class NativeTrap implements Trap {
    private final Proc p;
    private final LentMemory memory;

    NativeTrap(Proc p, LentMemory memory) {
        this.p = p;
        this.memory = memory;
    }

    @Override
    public long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
        p.args().set(a0, a1, a2, a3, a4, a5);
        return p.syscall(code);
    }

    @Override
    public void lend(int seg, byte[] buf) {
        memory.lend(seg, buf);
    }

    @Override
    public int errno() {
        return p.errno();
    }

    @Override
    public String errorDetail() {
        return p.errorDetail();
    }
}
