package org.modkern.userland.bin;

import org.modkern.libc.Trap;

/** What every fake kernel's trap keeps: the lent segments and the last call's errno and detail. */
public abstract class FakeTrapBase implements Trap {
    protected final byte[][] segs = new byte[SEGMENTS][];
    protected int errno;
    protected String detail;

    @Override
    public void lend(int seg, byte[] buf) {
        segs[seg] = buf;
    }

    @Override
    public int errno() {
        return errno;
    }

    @Override
    public String errorDetail() {
        return detail;
    }
}
