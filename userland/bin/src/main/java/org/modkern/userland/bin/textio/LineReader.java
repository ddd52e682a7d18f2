package org.modkern.userland.bin.textio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a stream as the text utilities see them: ended by '\n' only (a '\r' is part of the line),
 * decoded as UTF-8; the last line may lack its newline, which {@link #endedWithNewline()} tells.
 * Errors of the descriptor come through as the SysError the read threw.
 */
public final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;
    private boolean newline;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its newline, or null at the end. */
    public String readLine() {
        ByteArrayOutputStream acc = null;
        while (true) {
            if (pos == len) {
                len = fill();
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    newline = false;
                    return acc == null || acc.size() == 0 ? null : acc.toString(StandardCharsets.UTF_8);
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            if (pos < len) {
                String line;
                if (acc == null) {
                    line = new String(buf, start, pos - start, StandardCharsets.UTF_8);
                } else {
                    acc.write(buf, start, pos - start);
                    line = acc.toString(StandardCharsets.UTF_8);
                }
                pos++;
                newline = true;
                return line;
            }
            if (acc == null) {
                acc = new ByteArrayOutputStream();
            }
            acc.write(buf, start, pos - start);
        }
    }

    /** Whether the line {@link #readLine()} last returned had its newline. */
    public boolean endedWithNewline() {
        return newline;
    }

    private int fill() {
        try {
            return in.read(buf, 0, buf.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
