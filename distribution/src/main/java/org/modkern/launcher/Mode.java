package org.modkern.launcher;

/** What the launcher was asked to do. */
enum Mode {
    /** Interactive Gogo shell (gogo.jline) at a terminal. */
    INTERACTIVE,
    /** {@code -c CMD...}: run the joined arguments. */
    COMMAND,
    /** {@code FILE.gosh [args]}: run a script file. */
    SCRIPT,
    /** No arguments and no terminal (or {@code -}): the whole of stdin is the script. */
    STDIN,
    /** {@code -h}/{@code --help}. */
    HELP
}
