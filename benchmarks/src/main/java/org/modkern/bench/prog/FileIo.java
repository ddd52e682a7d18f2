package org.modkern.bench.prog;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;

/**
 * fileio BLOCK FILESIZE PASSES: writes FILESIZE bytes of /tmp/fileio.data in BLOCK-byte write(2)s
 * from its start, then reads them back in BLOCK-byte read(2)s, PASSES times over, and prints
 * "bytes N" (written plus read). The file stays for the next run, which overwrites it: only the first
 * run allocates its pages (as a baseline's array is allocated once). Exit status 1 if a read came
 * back short or with other bytes than written.
 */
public final class FileIo {
    private FileIo() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length != 4) {
            sys.err().println("usage: fileio block filesize passes");
            return 2;
        }
        int block = Integer.parseInt(argv[1]);
        long size = Long.parseLong(argv[2]);
        int passes = Integer.parseInt(argv[3]);
        int fd = sys.open("/tmp/fileio.data", Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
        byte[] out = new byte[block];
        byte[] in = new byte[block];
        for (int i = 0; i < block; i++) {
            out[i] = (byte) i;
        }
        long moved = 0;
        for (int p = 0; p < passes; p++) {
            sys.lseek(fd, 0, Fcntl.SEEK_SET);
            for (long off = 0; off < size; off += block) {
                sys.writeAll(fd, out, 0, block);
            }
            sys.lseek(fd, 0, Fcntl.SEEK_SET);
            for (long off = 0; off < size; off += block) {
                if (sys.read(fd, in, 0, block) != block) {
                    sys.err().println("fileio: short read at " + off);
                    return 1;
                }
            }
            moved += 2 * size;
        }
        if (in[block - 1] != out[block - 1]) {
            sys.err().println("fileio: read other bytes than written");
            return 1;
        }
        sys.close(fd);
        sys.out().println("bytes " + moved);
        return 0;
    }
}
