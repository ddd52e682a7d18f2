package org.modkern.bench.prog;

import org.modkern.libc.Libc;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.Wait;

/**
 * pipeio BLOCK TOTAL: spawns itself as "pipeio -sink BLOCK TOTAL" with a pipe as its standard
 * input, writes TOTAL bytes into the pipe in BLOCK-byte writes, closes it and waits; the sink reads
 * until end of file in BLOCK-byte reads and exits 1 unless it got TOTAL bytes. Prints "bytes TOTAL".
 * Run it by its absolute path: it spawns argv[0].
 */
public final class PipeIo {
    private PipeIo() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length == 4 && argv[1].equals("-sink")) {
            return sink(sys, Integer.parseInt(argv[2]), Long.parseLong(argv[3]));
        }
        if (argv.length != 3) {
            sys.err().println("usage: pipeio block total");
            return 2;
        }
        int block = Integer.parseInt(argv[1]);
        long total = Long.parseLong(argv[2]);
        int[] p = sys.pipe();
        SpawnActions actions = new SpawnActions().dup2(p[0], 0).close(p[0]).close(p[1]);
        int child = sys.spawn(argv[0], new String[] {argv[0], "-sink", argv[1], argv[2]}, actions);
        sys.close(p[0]);
        byte[] buf = new byte[block];
        for (long sent = 0; sent < total; sent += block) {
            sys.writeAll(p[1], buf, 0, block);
        }
        sys.close(p[1]);
        int st = sys.waitpid(child);
        if (!Wait.exited(st) || Wait.exitStatus(st) != 0) {
            sys.err().println("pipeio: the sink failed (status " + Wait.shellStatus(st) + ")");
            return 1;
        }
        sys.out().println("bytes " + total);
        return 0;
    }

    private static int sink(Libc sys, int block, long total) {
        byte[] buf = new byte[block];
        long got = 0;
        int n;
        while ((n = sys.read(0, buf, 0, block)) > 0) {
            got += n;
        }
        if (got != total) {
            sys.err().println("pipeio: the sink read " + got + " bytes of " + total);
            return 1;
        }
        return 0;
    }
}
