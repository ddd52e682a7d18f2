package org.modkern.exec.nativefmt;

import org.modkern.exec.ExecImage;
import org.modkern.exec.ExecParams;
import org.modkern.exec.Execsw;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Component;

/** Recognises class files and jars and loads them as native programs. */
@Component(service = Execsw.class, property = {"exec.name=native", "exec.emul=netbsd", "exec.order:Integer=10"})
public final class NativeExecsw implements Execsw {
    @Override
    public boolean probe(byte[] h, int n) {
        return n >= 4 && (isClass(h) || isJar(h));
    }

    static boolean isClass(byte[] h) {
        return (h[0] & 0xff) == 0xCA && (h[1] & 0xff) == 0xFE && (h[2] & 0xff) == 0xBA && (h[3] & 0xff) == 0xBE;
    }

    static boolean isJar(byte[] h) {
        return h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    @Override
    public ExecImage load(ExecParams params) throws ErrnoException {
        byte[] image = params.readAll();
        ProgramLoader loader = isClass(image) ? ProgramLoader.ofClass(params.path(), image)
                : ProgramLoader.ofJar(params.path(), image);
        return new ProgramImage(loader.mainHandle(), params.argv(), params.envp());
    }
}
