package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a word under expansion. Each field keeps its text and, for pathname expansion
 * and pattern matching, the same text as a pattern: characters that came quoted are escaped with
 * a backslash there, so only unquoted * ? [ are special.
 */
final class Fields {
    /** One finished field. */
    record Field(String text, String pattern, boolean glob) {}

    private final String ifs;
    private final List<Field> done = new ArrayList<>();
    private StringBuilder text;
    private StringBuilder pattern;
    private boolean glob;

    /** {@code ifs} null: no field splitting (assignments, redirection targets, patterns). */
    Fields(String ifs) {
        this.ifs = ifs;
    }

    private void open() {
        if (text == null) {
            text = new StringBuilder();
            pattern = new StringBuilder();
            glob = false;
        }
    }

    private void add(char c, boolean active) {
        text.append(c);
        if (active) {
            pattern.append(c);
            glob |= c == '*' || c == '?' || c == '[';
        } else {
            if ("*?[]\\".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
    }

    /**
     * Text that is not split; makes the field exist even if empty. {@code active}: its * ? [ are
     * pattern characters (unquoted literal text).
     */
    void literal(String s, boolean active) {
        open();
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i), active);
        }
    }

    /** Ends the current field (if any) before what follows. */
    void endField() {
        if (text != null) {
            done.add(new Field(text.toString(), pattern.toString(), glob));
            text = null;
        }
    }

    /** Between the words of "$@": the next starts a field even if it is empty. */
    void breakField() {
        open();
        endField();
    }

    /** An unquoted expansion: split at IFS characters; its * ? [ are pattern characters. */
    void split(String s) {
        if (ifs == null) {
            if (!s.isEmpty()) {
                literal(s, true);
            }
            return;
        }
        // What came last: 0 nothing (or only blanks), 1 text, 2 blanks after text, 3 a non-blank delimiter.
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ifs.indexOf(c) < 0) {
                open();
                add(c, true);
                last = 1;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                endField();
                last = last == 1 ? 2 : last;
            } else {
                // A non-blank IFS character (with the blanks around it) ends a field; two in a row,
                // or one at the start, delimit an empty field.
                if (text != null) {
                    endField();
                } else if (last == 0 || last == 3) {
                    breakField();
                }
                last = 3;
            }
        }
    }

    List<Field> done() {
        endField();
        return done;
    }
}
