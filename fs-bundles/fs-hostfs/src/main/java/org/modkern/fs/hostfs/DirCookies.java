package org.modkern.fs.hostfs;

import java.nio.charset.StandardCharsets;

/**
 * Readdir cookies for host directories, which have no stable positions of their own: 0 is ".",
 * 1 is "..", and an entry's cookie is {@link #of(String) a hash of its name} (2 and up, below
 * 2^62 + 2). Listings go in cookie order and resume at the first entry whose cookie is at least
 * the one given, so entries added or removed meanwhile never make a listing repeat or skip an
 * entry that stayed; an added entry shows up or not depending on where its hash falls, as POSIX
 * allows. Two names of one directory with the same 62-bit hash would lose the second one on a
 * resume between them; with a good hash that is astronomically unlikely, and accepted.
 */
final class DirCookies {
    private DirCookies() {}

    static final long DOT = 0;
    static final long DOTDOT = 1;
    static final long FIRST = 2;

    /** The cookie of the entry called {@code name}. */
    static long of(String name) {
        return FIRST + (mix(fnv64(name)) >>> 2);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes. */
    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A final avalanche (MurmurHash3's fmix64), so that similar names spread over the whole range. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
