package org.modkern.itest.refused;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.modkern.libc.Libc;

/** Opens a host file with a FileChannel. The native format must refuse it before it runs (EscapeIT). */
public final class HostFileChannel {
    private HostFileChannel() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        FileChannel.open(Path.of(argv[1], "HostFileChannel"), StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        return 0;
    }
}
