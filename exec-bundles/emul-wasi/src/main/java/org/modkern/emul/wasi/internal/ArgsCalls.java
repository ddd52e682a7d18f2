package org.modkern.emul.wasi.internal;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** args_get, args_sizes_get, environ_get, environ_sizes_get: the strings the exec was given. */
final class ArgsCalls extends Calls {
    ArgsCalls(Native n) {
        super(n);
    }

    long argsSizesGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        return sizes(d, d.user.argv(), a);
    }

    long argsGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        return strings(d, d.user.argv(), a);
    }

    long environSizesGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        return sizes(d, d.user.envp(), a);
    }

    long environGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        return strings(d, d.user.envp(), a);
    }

    /** (count *, buffer size *): how many strings, and the bytes they take with their NULs. */
    private static long sizes(EmulData d, String[] v, SyscallArgs a) throws ErrnoException {
        long bytes = 0;
        for (String s : v) {
            bytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        d.putU32(a.word(0), v.length);
        d.putU32(a.word(1), bytes);
        return 0;
    }

    /** (pointers *, buffer *): one pointer per string into the buffer, NUL-terminated strings there. */
    private static long strings(EmulData d, String[] v, SyscallArgs a) throws ErrnoException {
        long ptrs = a.word(0);
        long buf = a.word(1);
        for (int i = 0; i < v.length; i++) {
            byte[] s = (v[i] + "\0").getBytes(StandardCharsets.UTF_8);
            d.putU32(ptrs + 4L * i, buf);
            d.put(buf, s, s.length);
            buf += s.length;
        }
        return 0;
    }
}
