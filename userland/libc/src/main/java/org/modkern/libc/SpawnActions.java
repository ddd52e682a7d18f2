package org.modkern.libc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * posix_spawn file actions, applied in the child in order before its program runs (how a shell
 * sets up redirections and pipes).
 */
public final class SpawnActions {
    private static final int OPEN = 1, DUP2 = 2, CLOSE = 3;
    private final List<byte[]> records = new ArrayList<>();

    /** posix_spawn_file_actions_addopen. */
    public SpawnActions open(int fd, String path, int oflag, int mode) {
        return add(OPEN, fd, 0, oflag, mode, path);
    }

    /** posix_spawn_file_actions_adddup2. */
    public SpawnActions dup2(int fd, int newfd) {
        return add(DUP2, fd, newfd, 0, 0, "");
    }

    /** posix_spawn_file_actions_addclose. */
    public SpawnActions close(int fd) {
        return add(CLOSE, fd, 0, 0, 0, "");
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    private SpawnActions add(int op, int fd, int newfd, int oflag, int mode, String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(24 + p.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(op).putInt(fd).putInt(newfd).putInt(oflag).putInt(mode).putInt(p.length).put(p);
        records.add(b.array());
        return this;
    }

    /** The native encoding: u32 count, then the records. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] n = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(records.size()).array();
        out.writeBytes(n);
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
