package org.modkern.kernel.internal;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Terminal;

/** The terminal of processes no operator started: no input, output to the message buffer. */
public final class LogTerminal implements Terminal {
    private final MsgBuf msgbuf;
    private final StringBuilder line = new StringBuilder();

    public LogTerminal(MsgBuf msgbuf) {
        this.msgbuf = msgbuf;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        return 0;
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        String s = new String(buf, off, len, StandardCharsets.UTF_8);
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                msgbuf.log("console: " + line);
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }
}
