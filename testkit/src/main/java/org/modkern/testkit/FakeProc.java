package org.modkern.testkit;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.Terminal;
import org.modkern.kern.UserSpace;

/**
 * A process whose user memory is one array (address = index, 0 included); no system calls. Tests
 * that need calls or signals extend it.
 */
public class FakeProc implements Proc {
    /** The user memory: address a is mem[a]. */
    public final byte[] mem;
    private final SyscallArgs args = new SyscallArgs();
    private UserSpace space;

    public FakeProc(int size) {
        mem = new byte[size];
        space = UserSpace.ofArray(mem);
    }

    @Override
    public int pid() {
        return 42;
    }

    @Override
    public int ppid() {
        return 1;
    }

    @Override
    public String comm() {
        return "test";
    }

    @Override
    public Cred cred() {
        return Cred.ROOT;
    }

    @Override
    public String emulation() {
        return "netbsd";
    }

    @Override
    public UserSpace userSpace() {
        return space;
    }

    @Override
    public void setUserSpace(UserSpace s) {
        space = s;
    }

    @Override
    public String copyinstr(long uaddr, int max) throws ErrnoException {
        int len = space.strlen(uaddr, max);
        byte[] b = new byte[len];
        space.copyin(uaddr, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public Terminal terminal() {
        return null;
    }

    @Override
    public SyscallArgs args() {
        return args;
    }

    @Override
    public long syscall(int code) {
        throw new UnsupportedOperationException("no system calls in this fake");
    }

    @Override
    public int errno() {
        return 0;
    }

    @Override
    public String errorDetail() {
        return null;
    }
}
