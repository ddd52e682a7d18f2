package org.modkern.exec.wasm;

import com.dylibso.chicory.runtime.Memory;
import org.modkern.emul.wasi.WasiUserSpace;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * A WASI program's user memory: its module's linear memory, address = offset, and the arguments
 * and environment its exec was given. Bound to the instance's memory once it exists.
 */
final class LinearMemory implements WasiUserSpace {
    private final String[] argv;
    private final String[] envp;
    private Memory memory;

    LinearMemory(String[] argv, String[] envp) {
        this.argv = argv.clone();
        this.envp = envp.clone();
    }

    void bind(Memory m) {
        memory = m;
    }

    boolean bound() {
        return memory != null;
    }

    @Override
    public long size() {
        return memory == null ? 0 : (long) memory.pages() * Memory.PAGE_SIZE;
    }

    private int check(long uaddr, int len) throws ErrnoException {
        if (uaddr < 0 || len < 0 || uaddr + len > size()) {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr) + " + " + len
                    + " is outside the program's " + size() + "-byte linear memory");
        }
        return (int) uaddr;
    }

    @Override
    public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
        int at = check(uaddr, len);
        if (len == 1) {
            dst[off] = memory.read(at);
        } else if (len > 0) {
            System.arraycopy(memory.readBytes(at, len), 0, dst, off, len);
        }
    }

    @Override
    public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
        int at = check(uaddr, len);
        if (len > 0) {
            memory.write(at, src, off, len);
        }
    }

    @Override
    public String[] argv() {
        return argv.clone();
    }

    @Override
    public String[] envp() {
        return envp.clone();
    }
}
