package org.modkern.itest.refused;

import java.util.spi.ToolProvider;
import org.modkern.libc.Libc;

/** Runs the JDK's jar tool in the JVM to write a host file. The native format must refuse it before it runs (EscapeIT). */
public final class HostJarTool {
    private HostJarTool() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        return jar.run(System.out, System.err, "--create", "--file", argv[1] + "/HostJarTool", "--no-manifest", "-C", argv[1], ".");
    }
}
