package org.modkern.emul.wasi.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modkern.emul.wasi.WasiUserSpace;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.Sysent;
import org.modkern.kern.UserSpace;
import org.modkern.testkit.FakeProc;

/**
 * A native sysent for unit tests of the translation: handlers a test sets by slot, and a log of
 * the calls made ("open /etc/passwd 0x100"). Descriptors 0..2 are open, others start closed; open
 * hands out the lowest free one. The working directory is /home/u.
 */
final class FakeNative implements Sysent {
    final Map<Integer, SyscallHandler> handlers = new HashMap<>();
    final List<String> log = new ArrayList<>();
    final boolean[] open = new boolean[64];
    final FakeProc proc = new FakeProc(16);
    final Memory memory = new Memory(65536);

    FakeNative() {
        open[0] = open[1] = open[2] = true;
        proc.setUserSpace(memory);
        handlers.put(Native.GETCWD, (p, a) -> {
            byte[] b = "/home/u\0".getBytes(StandardCharsets.UTF_8);
            p.userSpace().copyout(b, 0, a.word(0), b.length);
            return b.length;
        });
        handlers.put(Native.FCNTL, (p, a) -> {
            int fd = a.i32(0);
            if (fd < 0 || fd >= open.length || !open[fd]) {
                throw new ErrnoException(Errno.EBADF, "fd " + fd);
            }
            log.add("fcntl " + fd + " " + a.i32(1) + " " + a.i32(2));
            if (a.i32(1) == Native.F_DUPFD) {
                return take(a.i32(2));
            }
            return 0;
        });
        handlers.put(Native.OPEN, (p, a) -> {
            log.add("open " + p.copyinstr(a.word(0), 1024) + " 0x" + Integer.toHexString(a.i32(1)));
            return take(0);
        });
        handlers.put(Native.CLOSE, (p, a) -> {
            log.add("close " + a.i32(0));
            open[a.i32(0)] = false;
            return 0;
        });
    }

    int take(int min) {
        for (int fd = min; fd < open.length; fd++) {
            if (!open[fd]) {
                open[fd] = true;
                return fd;
            }
        }
        return -1;
    }

    /** Calls WASI handler {@code h} as the trap would, with these argument words. */
    long call(SyscallHandler h, long... words) throws ErrnoException {
        SyscallArgs a = new SyscallArgs();
        for (int i = 0; i < words.length; i++) {
            a.set(i, words[i]);
        }
        return h.call(proc, a);
    }

    Native nat() {
        return new Native(this);
    }

    @Override
    public String emulation() {
        return "netbsd";
    }

    @Override
    public int size() {
        return 512;
    }

    @Override
    public SyscallHandler handler(int n) {
        SyscallHandler h = handlers.get(n);
        return h != null ? h : (p, a) -> {
            throw new ErrnoException(Errno.ENOSYS, "no native call " + n + " in this fake");
        };
    }

    @Override
    public String name(int n) {
        return "#" + n;
    }

    @Override
    public String owner(int n) {
        return "test";
    }

    @Override
    public int depth(int n) {
        return 0;
    }

    @Override
    public SyscallHandler next(int n, SyscallHandler handler) {
        return null;
    }

    /** A program's linear memory: one array. */
    static final class Memory implements WasiUserSpace {
        final byte[] mem;
        private final UserSpace space;

        Memory(int size) {
            mem = new byte[size];
            space = UserSpace.ofArray(mem);
        }

        void put(int at, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, mem, at, b.length);
        }

        int u32(int at) {
            return (mem[at] & 0xff) | (mem[at + 1] & 0xff) << 8 | (mem[at + 2] & 0xff) << 16 | (mem[at + 3] & 0xff) << 24;
        }

        void putU32(int at, int v) {
            for (int i = 0; i < 4; i++) {
                mem[at + i] = (byte) (v >>> (8 * i));
            }
        }

        @Override
        public long size() {
            return mem.length;
        }

        @Override
        public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
            space.copyin(uaddr, dst, off, len);
        }

        @Override
        public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
            space.copyout(src, off, uaddr, len);
        }

        @Override
        public String[] argv() {
            return new String[] {"prog", "één"};
        }

        @Override
        public String[] envp() {
            return new String[] {"HOME=/home/u"};
        }
    }

    static String str(Proc p, long at, int len) throws ErrnoException {
        byte[] b = new byte[len];
        p.userSpace().copyin(at, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }
}
