package org.modkern.vfs;

/** The ioflag bits of vnode read and write (BSD's IO_*). */
public final class IoFlag {
    private IoFlag() {}

    /** Write at the end of the file, whatever the offset. */
    public static final int APPEND = 0x02;
    /** Don't block (O_NONBLOCK). */
    public static final int NDELAY = 0x10;
}
