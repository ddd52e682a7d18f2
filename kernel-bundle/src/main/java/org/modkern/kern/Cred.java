package org.modkern.kern;

/** Credentials of a process (BSD's kauth_cred): user and group ids. Immutable. */
public final class Cred {
    public static final Cred ROOT = new Cred(0, 0);

    private final int uid;
    private final int gid;

    public Cred(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public boolean isRoot() {
        return uid == 0;
    }

    @Override
    public String toString() {
        return "uid=" + uid + " gid=" + gid;
    }
}
