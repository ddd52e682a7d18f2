package org.modkern.userland.bin.textio;

/** Text for the tests of the text utilities. */
public final class Lines {
    private Lines() {}

    /** The lines "from\n" ... "to\n". */
    public static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(i).append('\n');
        }
        return b.toString();
    }
}
