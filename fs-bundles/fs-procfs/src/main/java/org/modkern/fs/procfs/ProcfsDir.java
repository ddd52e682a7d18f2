package org.modkern.fs.procfs;

import org.modkern.fs.synth.SynthDir;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;

/** A procfs directory: its entries are the kernel's, so nothing can be made or removed in it. */
abstract class ProcfsDir extends ProcfsNode implements SynthDir {
    ProcfsDir(ProcfsMount mount, ProcfsNode parent, String name, long fileid) {
        super(mount, parent, name, fileid, VType.VDIR);
    }

    /** True when {@code name} is a pid or descriptor number as procfs spells it: decimal, no sign or leading zero. */
    static boolean isNumber(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    ErrnoException noEntry(String name) {
        return new ErrnoException(Errno.ENOENT, "procfs: " + (path().equals("/") ? "" : path() + "/") + name);
    }
}
