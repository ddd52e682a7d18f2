package org.modkern.userland.bin.sh;

import java.util.List;
import org.modkern.libc.SysError;

/** cd [dir | -] (HOME by default; - is OLDPWD, printed) and pwd, keeping PWD and OLDPWD. */
final class Cd {
    private final Executor x;

    Cd(Executor x) {
        this.x = x;
    }

    int cd(List<String> args) {
        String dir;
        boolean print = false;
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            dir = x.vars.get("HOME");
            if (dir == null) {
                x.err.println("sh: cd: HOME not set");
                return 1;
            }
        } else if (args.get(0).equals("-")) {
            dir = x.vars.get("OLDPWD");
            if (dir == null) {
                x.err.println("sh: cd: OLDPWD not set");
                return 1;
            }
            print = true;
        } else {
            dir = args.get(0);
        }
        try {
            String old = x.vars.get("PWD");
            if (old == null) {
                old = cwd();
            }
            x.sys.chdir(dir);
            x.cdCount++;
            if (old != null) {
                x.vars.set("OLDPWD", old);
            }
            String now = cwd();
            if (now != null) {
                x.vars.set("PWD", now);
            }
            if (print) {
                x.sys.out().println(now != null ? now : dir);
            }
            return 0;
        } catch (SysError e) {
            x.err.println("sh: cd: " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private String cwd() {
        try {
            return x.sys.getcwd();
        } catch (SysError e) {
            return null;
        }
    }

    int pwd(List<String> args) {
        try {
            x.sys.out().println(x.sys.getcwd());
            return 0;
        } catch (SysError e) {
            x.err.println("sh: pwd: " + e.getMessage());
            return 1;
        }
    }
}
