package org.modkern.fs.tmpfs;

/**
 * A file's pages by page number: a two-level table of chunks of {@link #CHUNK} pages. A lookup is
 * two array reads with no boxing, and a sparse file pays only for the chunks it touches (a page at
 * the largest offset costs a top table of half a million slots, 2-4 MiB). Not thread-safe: the
 * file's data lock guards it (a lookup may race a change, see {@link #get}).
 */
final class PageTable {
    static final int CHUNK_SHIFT = 9;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK - 1;

    private byte[][][] chunks = new byte[1][][];
    private long count;

    /**
     * The page at {@code index}, or null for a hole. Also called without the lock (an optimistic
     * read, validated after): it reads the top table once, so a racing {@link #add} that grows it
     * cannot make the index run past it.
     */
    byte[] get(long index) {
        long c = index >>> CHUNK_SHIFT;
        byte[][][] top = chunks;
        if (c >= top.length) {
            return null;
        }
        byte[][] chunk = top[(int) c];
        return chunk == null ? null : chunk[(int) (index & CHUNK_MASK)];
    }

    /** Puts {@code page} at {@code index}, where there is none yet. */
    void add(long index, byte[] page) {
        long c = index >>> CHUNK_SHIFT;
        if (c >= chunks.length) {
            long grown = Math.max(c + 1, 2L * chunks.length);
            byte[][][] bigger = new byte[(int) grown][][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        byte[][] chunk = chunks[(int) c];
        if (chunk == null) {
            chunk = chunks[(int) c] = new byte[CHUNK][];
        }
        int i = (int) (index & CHUNK_MASK);
        if (chunk[i] == null) {
            count++;
        }
        chunk[i] = page;
    }

    /** Takes out the page at {@code index}, if there is one. */
    void remove(long index) {
        long c = index >>> CHUNK_SHIFT;
        byte[][] chunk = c < chunks.length ? chunks[(int) c] : null;
        int i = (int) (index & CHUNK_MASK);
        if (chunk != null && chunk[i] != null) {
            chunk[i] = null;
            count--;
        }
    }

    /** How many pages are allocated. */
    long count() {
        return count;
    }

    /** Drops every page from {@code index} on; returns how many were dropped. */
    long truncate(long index) {
        long dropped = 0;
        for (long c = index >>> CHUNK_SHIFT; c < chunks.length; c++) {
            byte[][] chunk = chunks[(int) c];
            if (chunk == null) {
                continue;
            }
            int from = c == index >>> CHUNK_SHIFT ? (int) (index & CHUNK_MASK) : 0;
            for (int i = from; i < CHUNK; i++) {
                if (chunk[i] != null) {
                    chunk[i] = null;
                    dropped++;
                }
            }
            if (from == 0) {
                chunks[(int) c] = null;
            }
        }
        count -= dropped;
        return dropped;
    }
}
