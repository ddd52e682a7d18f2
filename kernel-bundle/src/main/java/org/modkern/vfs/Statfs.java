package org.modkern.vfs;

/** File-system figures (BSD's statvfs): sizes in blocks of {@code bsize} bytes. */
public final class Statfs {
    public long bsize = 512;
    public long blocks;
    public long bfree;
    public long files;
    public long ffree;
}
