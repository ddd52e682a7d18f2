package org.modkern.exec.nativefmt;

import java.lang.invoke.MethodHandle;
import org.modkern.exec.ExecImage;
import org.modkern.kern.Proc;
import org.modkern.libc.Libc;

/** A loaded native program: runs main with a libc whose trap is the process's. */
final class ProgramImage implements ExecImage {
    private final MethodHandle main;
    private final String[] argv;
    private final String[] envp;

    ProgramImage(MethodHandle main, String[] argv, String[] envp) {
        this.main = main;
        this.argv = argv;
        this.envp = envp;
    }

    @Override
    public int run(Proc p) throws Exception {
        LentMemory memory = new LentMemory();
        p.setUserSpace(memory);
        Libc libc = new Libc(new NativeTrap(p, memory), envp);
        int status;
        SignalCheck.bind(p);
        try {
            status = (int) main.invokeExact(libc, argv.clone());
            libc.flushAtExit();
        } catch (Error | Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            SignalCheck.bind(null);
        }
        return status;
    }
}
