package org.modkern.userland.bin.dmesg;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/** dmesg: prints the kernel message buffer (kern.msgbuf), one message a line. */
public final class Dmesg {
    private Dmesg() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length > 1) {
            sys.err().println("usage: dmesg");
            return 1;
        }
        String text;
        try {
            text = sys.sysctlString("kern.msgbuf");
        } catch (SysError e) {
            sys.err().println("dmesg: sysctl kern.msgbuf: " + e.getMessage());
            return 1;
        }
        sys.out().print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        sys.flush();
        return 0;
    }
}
