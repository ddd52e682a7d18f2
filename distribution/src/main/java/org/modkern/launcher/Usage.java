package org.modkern.launcher;

import java.io.PrintStream;

/** The text printed by {@code modkern --help}. */
final class Usage {
    private Usage() {
    }

    static void print(PrintStream out) {
        out.println("Usage: modkern                     interactive shell at a terminal (Ctrl-D or exit leaves);");
        out.println("                                   without a terminal, runs the script read from stdin");
        out.println("       modkern -c 'CMD; CMD' ...   run Gogo commands (the arguments joined by spaces)");
        out.println("       modkern FILE.gosh [ARG...]  run a Gogo script: $0 is the file, $1.. and $args the arguments");
        out.println("       modkern - [ARG...]          run the script read from stdin with arguments");
        out.println("       modkern -h | --help         this text");
        out.println();
        out.println("Non-interactive runs wait for the kernel to boot, print the result of the last command");
        out.println("(if any), and exit 0; a failing command prints 'modkern: <message>' and exits 1.");
        out.println("Properties come from etc/modkern.properties; -Dname=value overrides them");
        out.println("(pass -D options through MODKERN_JAVA_OPTS when using the ./modkern script).");
    }
}
