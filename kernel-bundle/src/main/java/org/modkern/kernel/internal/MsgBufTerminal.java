package org.modkern.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.Terminal;

/**
 * The console of processes no operator started (init and /etc/rc): what they write becomes lines of
 * the kernel message buffer, as a BSD console's output lands in dmesg; reading it is end of input.
 */
public final class MsgBufTerminal implements Terminal {
    private final MsgBuf msgbuf;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public MsgBufTerminal(MsgBuf msgbuf) {
        this.msgbuf = msgbuf;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        return 0;
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                msgbuf.log(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(buf[i]);
            }
        }
    }
}
