package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.modkern.kern.ErrnoException;

/**
 * The host channel of one regular file while it is open in the emulated system: opened by the
 * first open, closed by the last close, shared by all. It is bound to the host file, not its
 * path, so an open file keeps working after a rename or a remove. Readers and writers borrow it
 * for one call; a channel replaced meanwhile (a read-only one, when a later open wants to write)
 * is closed once nobody is using it.
 */
final class HostChannel {
    /** Opens the host file; {@code write} = for writing too. */
    interface Opener {
        FileChannel open(boolean write) throws IOException, ErrnoException;
    }

    private final HostfsMount mount;
    private final HostfsNode file;
    private final List<FileChannel> retired = new ArrayList<>();
    private FileChannel ch;
    private boolean writable;
    private int opens;
    private int busy;

    HostChannel(HostfsMount mount, HostfsNode file) {
        this.mount = mount;
        this.file = file;
    }

    /** One more open; opens the host file unless it is open already in a mode that will do. */
    synchronized void open(boolean write, Opener opener) throws IOException, ErrnoException {
        if (ch == null || (write && !writable)) {
            FileChannel c;
            boolean w = write || !mount.readOnly();
            if (w && !write) {
                // Opened for writing too, a later open for writing can share it; the host may say no.
                try {
                    c = opener.open(true);
                } catch (IOException | ErrnoException e) {
                    c = opener.open(false);
                    w = false;
                }
            } else {
                c = opener.open(write);
            }
            if (ch != null) {
                retired.add(ch);
            }
            ch = c;
            writable = w;
        }
        if (opens++ == 0) {
            mount.opened(this);
        }
        closeRetired();
    }

    /** One open fewer; the last one closes the host file. */
    synchronized void close() {
        if (opens == 0) {
            return;
        }
        if (--opens == 0) {
            if (ch != null) {
                retired.add(ch);
            }
            ch = null;
            writable = false;
            mount.closed(this);
        }
        closeRetired();
    }

    synchronized boolean isOpen() {
        return ch != null;
    }

    /** The open channel for one call (give it back with {@link #giveBack}), or null when there is none that will do. */
    synchronized FileChannel borrow(boolean write) {
        if (ch == null || (write && !writable)) {
            return null;
        }
        busy++;
        return ch;
    }

    synchronized void giveBack() {
        busy--;
        closeRetired();
    }

    /** fsync(2) of the open file, if it is open. */
    void force() throws ErrnoException {
        FileChannel c = borrow(false);
        if (c == null) {
            return;
        }
        try {
            c.force(true);
        } catch (IOException | RuntimeException e) {
            throw HostErrors.errno(e, file.what(null));
        } finally {
            giveBack();
        }
    }

    /**
     * Closes the host file at unmount, even under a call in progress (which then fails with EIO);
     * later calls open the file again, and fail, as the mount is gone.
     */
    synchronized void revoke() {
        if (ch != null) {
            close(ch);
        }
        retired.forEach(HostChannel::close);
        retired.clear();
        ch = null;
        writable = false;
        opens = 0;
    }

    private void closeRetired() {
        if (busy == 0) {
            retired.forEach(HostChannel::close);
            retired.clear();
        }
    }

    static void close(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing was written through a failed close that a later fsync would have saved
        }
    }
}
