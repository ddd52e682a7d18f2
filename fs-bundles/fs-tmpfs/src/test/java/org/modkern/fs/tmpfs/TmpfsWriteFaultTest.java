package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertEquals;
import static org.modkern.fs.tmpfs.Fs.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.bytes;
import static org.modkern.testkit.VnodeIo.read;
import static org.modkern.testkit.VnodeIo.write;

import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.kern.UserSpace;
import org.modkern.vfs.Vnode;

/**
 * A write whose buffer is bad (EFAULT) leaves no page behind and does not extend the file: found by the
 * system-call fuzzer, which saw a file of 0 bytes with a 4 KiB page charged to it. Nor does a write of
 * 0 bytes past the end.
 */
public class TmpfsWriteFaultTest {
    /** User memory where every address is bad. */
    private static final UserSpace NOTHING = new UserSpace() {
        @Override
        public void copyin(long uaddr, byte[] dst, int off, int len) throws ErrnoException {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr));
        }

        @Override
        public void copyout(byte[] src, int off, long uaddr, int len) throws ErrnoException {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr));
        }

        @Override
        public int strlen(long uaddr, int max) throws ErrnoException {
            throw new ErrnoException(Errno.EFAULT, "address 0x" + Long.toHexString(uaddr));
        }
    };

    private static Uio badWrite(long offset, int len) {
        return new Uio(null, NOTHING, Uio.Rw.WRITE, new long[] {0xdeadbeefL}, new int[] {len}, offset);
    }

    @Test
    public void aReadIntoBadMemoryIsEfaultAndTheFileStaysAsItWas() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode f = file(fs.root(), "f");
        write(f, 0, "some bytes");
        // The read copies without the lock first; its fault must come out as EFAULT all the same.
        Uio bad = new Uio(null, NOTHING, Uio.Rw.READ, new long[] {0xdeadbeefL}, new int[] {10}, 0);
        assertErrno(Errno.EFAULT, () -> f.read(bad, 0));
        assertEquals(10, bad.resid());
        assertEquals("some bytes", new String(read(f, 0, 100), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    public void aFaultingWriteAllocatesNothing() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode f = file(fs.root(), "f");
        long pages = fs.pagesInUse();
        assertErrno(Errno.EFAULT, () -> f.write(badWrite(0, 100), 0));
        assertEquals(0, attr(f).size);
        assertEquals(0, attr(f).bytes);
        assertEquals(pages, fs.pagesInUse());
    }

    @Test
    public void aFaultingWritePastTheEndDoesNotExtendTheFile() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode f = file(fs.root(), "f");
        write(f, 0, bytes("head"));
        assertErrno(Errno.EFAULT, () -> f.write(badWrite(3 * 4096, 100), 0));
        assertEquals(4, attr(f).size);
        assertEquals(4096, attr(f).bytes);
    }

    @Test
    public void aWriteOfNothingPastTheEndDoesNotExtendTheFile() throws Exception {
        Vnode f = file(Fs.mount().root(), "f");
        assertEquals(0, f.write(Uio.kernel(new byte[0], 0, 0, Uio.Rw.WRITE, 1L << 30), 0));
        assertEquals(0, attr(f).size);
    }

    @Test
    public void aFaultingWriteIntoAHoleLeavesTheHoleAndTheDataAround() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode f = file(fs.root(), "f");
        write(f, 0, bytes("head"));
        write(f, 3 * 4096, bytes("tail"));
        long bytes = fs.bytesInUse();
        assertErrno(Errno.EFAULT, () -> f.write(badWrite(4096 + 10, 50), 0));
        assertEquals(3 * 4096 + 4, attr(f).size);
        assertEquals(2 * 4096, attr(f).bytes);
        assertEquals(bytes, fs.bytesInUse());
        assertEquals("head", new String(read(f, 0, 4)));
        assertEquals(0, read(f, 4096 + 10, 50)[0]);
    }
}
