package org.modkern.userland.bin.uname;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * uname [-amnprsv]: the system's name (-s, the default: kern.ostype), the host's (-n), the release
 * (-r), the version (-v, on one line), the machine (-m: hw.machine) and processor architecture
 * (-p: hw.machine_arch), in that order; -a is -mnrsv.
 */
public final class Uname {
    private Uname() {}

    /** The options in the order uname prints them, with the node each comes from. */
    private static final String ORDER = "snrvmp";
    private static final String[] NODES = {"kern.ostype", "kern.hostname", "kern.osrelease", "kern.version",
        "hw.machine", "hw.machine_arch"};

    public static int main(Libc sys, String[] argv) {
        StringBuilder want = new StringBuilder();
        Getopt g = new Getopt("uname", argv, "amnprsv", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'a' -> want.append("mnrsv");
                case 'm', 'n', 'p', 'r', 's', 'v' -> want.append((char) c);
                default -> {
                    return usage(sys);
                }
            }
        }
        if (g.operands().length > 0) {
            return usage(sys);
        }
        if (want.length() == 0) {
            want.append('s');
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < ORDER.length(); i++) {
            if (want.indexOf(String.valueOf(ORDER.charAt(i))) < 0) {
                continue;
            }
            String v;
            try {
                v = sys.sysctlString(NODES[i]);
            } catch (SysError e) {
                sys.err().println("uname: sysctl " + NODES[i] + ": " + e.getMessage());
                return 1;
            }
            if (ORDER.charAt(i) == 'v') {
                v = v.replace('\n', ' ').replace('\t', ' ').stripTrailing(); // as uname(3) makes it one line
            }
            line.append(line.length() == 0 ? "" : " ").append(v);
        }
        sys.out().println(line);
        sys.flush();
        return 0;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: uname [-amnprsv]");
        return 1;
    }
}
