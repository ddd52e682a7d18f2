package org.modkern.itest.refused;

import java.nio.file.Files;
import java.nio.file.Path;
import org.modkern.libc.Libc;

/** Leaves code behind for the JVM's shutdown. The native format must refuse it before it runs (EscapeIT). */
public final class JvmShutdownHook {
    private JvmShutdownHook() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of(argv[1], "JvmShutdownHook"), "escaped");
            } catch (Exception e) {
                // nothing
            }
        }));
        return 0;
    }
}
