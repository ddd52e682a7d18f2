package org.modkern.exec.script;

import org.modkern.exec.ExecImage;
import org.modkern.exec.ExecInterpreter;
import org.modkern.exec.ExecParams;
import org.modkern.exec.Execsw;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Component;

/**
 * Recognises {@code #!} scripts and asks the kernel to run their interpreter instead. Probed after
 * the native format (order 10): both probes look at a magic number only, and native programs are
 * what most execs run.
 */
@Component(service = Execsw.class, property = {"exec.name=script", "exec.emul=netbsd", "exec.order:Integer=50"})
public final class ScriptExecsw implements Execsw {
    @Override
    public boolean probe(byte[] header, int length) {
        return ScriptLine.isScript(header, length);
    }

    @Override
    public ExecImage load(ExecParams params) throws ErrnoException {
        byte[] header = params.header();
        ScriptLine line = ScriptLine.parse(params.path(), header, header.length);
        return new ExecInterpreter(line.interpreter(), line.argv(params.path(), params.argv()));
    }
}
