package org.modkern.userland.bin.sh;

import java.util.List;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * A here-document ({@code <<WORD} or {@code <<-WORD}): the parser makes it when it reads the
 * operator and the delimiter, the lexer fills in the body from the lines after the next newline.
 * With a quoted delimiter the body is literal, else it is expanded like a double-quoted string.
 */
final class HereDoc {
    final String delimiter;
    final boolean quoted;
    /** {@code <<-}: leading tabs are removed from the body's lines and the delimiter line. */
    final boolean strip;
    private Word body;

    HereDoc(Word delimiter, boolean strip) {
        String d = delimiter.literal();
        this.quoted = delimiter.parts().stream().anyMatch(p -> p instanceof Lit l && l.quoted())
                || d == null;
        this.delimiter = d != null ? d : Ast.show(delimiter).replace("'", "");
        this.strip = strip;
    }

    Word body() {
        return body;
    }

    /**
     * Reads the body from {@code s} at {@code pos} (the start of the line after the operator's):
     * up to and past the delimiter line, or to the end. Returns where reading stopped, -1 when the
     * input ended before the delimiter.
     */
    int read(String s, int pos) {
        StringBuilder text = new StringBuilder();
        int at = pos;
        boolean found = false;
        while (at < s.length()) {
            int nl = s.indexOf('\n', at);
            int end = nl < 0 ? s.length() : nl;
            String line = s.substring(at, end);
            if (strip) {
                int i = 0;
                while (i < line.length() && line.charAt(i) == '\t') {
                    i++;
                }
                line = line.substring(i);
            }
            at = nl < 0 ? s.length() : nl + 1;
            if (line.equals(delimiter)) {
                found = true;
                break;
            }
            text.append(line);
            if (nl >= 0) {
                text.append('\n');
            }
        }
        body = quoted ? new Word(List.of(new Lit(text.toString(), true))) : Lexer.hereBody(text.toString());
        return found ? at : -1;
    }
}
