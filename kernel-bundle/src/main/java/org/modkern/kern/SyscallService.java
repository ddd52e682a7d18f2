package org.modkern.kern;

/** Service property names of a {@link SyscallHandler} registered by a module. */
public final class SyscallService {
    private SyscallService() {}

    /** Integer: the sysent slot (NetBSD's number), or -1 for the first free loadable slot. */
    public static final String NUMBER = "syscall.number";
    /** String: the emulation whose sysent the handler goes into; default {@link #NATIVE}. */
    public static final String EMUL = "syscall.emul";
    /** String: the call's name as modstat and the message buffer show it. */
    public static final String NAME = "syscall.name";
    /** The native emulation's name. */
    public static final String NATIVE = "netbsd";
    /** The first and last sysent slots NetBSD reserved for loadable system calls. */
    public static final int LKM_FIRST = 210, LKM_LAST = 219;
}
