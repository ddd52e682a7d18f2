package org.modkern.exec;

import org.modkern.kern.Proc;

/**
 * What a format's {@link Execsw#load} returns for a file that another program runs (a {@code #!}
 * script): the kernel execs {@code path} with {@code argv} in its place, probing the formats again.
 * Interpreters may nest up to {@link #MAX_DEPTH} deep; deeper is ELOOP. A missing interpreter is
 * ENOENT naming it.
 */
public record ExecInterpreter(String path, String[] argv) implements ExecImage {
    /** How many interpreters may stand between execve and a real image. */
    public static final int MAX_DEPTH = 4;

    public ExecInterpreter {
        argv = argv.clone();
    }

    @Override
    public String[] argv() {
        return argv.clone();
    }

    /** Never run: the kernel replaces it by the interpreter's own image. */
    @Override
    public int run(Proc p) {
        throw new IllegalStateException("an interpreter request is not an image: " + path);
    }
}
