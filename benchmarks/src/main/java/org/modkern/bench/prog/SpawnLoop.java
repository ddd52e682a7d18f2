package org.modkern.bench.prog;

import org.modkern.libc.Libc;
import org.modkern.libc.Wait;

/**
 * spawnloop N PATH [ARG ...]: N times, posix_spawn PATH with argv (PATH's last name, ARG ...) and
 * wait for it; prints "spawned N failed F", F being the children that did not exit 0.
 */
public final class SpawnLoop {
    private SpawnLoop() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length < 3) {
            sys.err().println("usage: spawnloop count path [arg ...]");
            return 2;
        }
        int n = Integer.parseInt(argv[1]);
        String path = argv[2];
        String[] args = new String[argv.length - 2];
        args[0] = path.substring(path.lastIndexOf('/') + 1);
        System.arraycopy(argv, 3, args, 1, argv.length - 3);
        int failed = 0;
        for (int i = 0; i < n; i++) {
            int st = sys.waitpid(sys.spawn(path, args, null));
            if (!Wait.exited(st) || Wait.exitStatus(st) != 0) {
                failed++;
            }
        }
        sys.out().println("spawned " + n + " failed " + failed);
        return failed == 0 ? 0 : 1;
    }
}
