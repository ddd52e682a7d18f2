package org.modkern.userland.bin.sh;

import static org.junit.Assert.fail;

import java.util.List;
import java.util.stream.Collectors;

/** The parser and expander as the tests use them: commands shown, syntax errors caught, fields expanded. */
final class Parsing {
    private Parsing() {}

    /** The complete commands of {@code text}, shown and joined by " / ". */
    static String parse(String text) {
        return Parser.parseAll(text).stream().map(Ast::show).collect(Collectors.joining(" / "));
    }

    /** The syntax error {@code text} has; fails the test if it has none. */
    static SyntaxError error(String text) {
        try {
            Parser.parseAll(text);
        } catch (SyntaxError e) {
            return e;
        }
        fail("no syntax error in " + text);
        return null;
    }

    /** The fields {@code x} makes of the words of the one command {@code text} ("cmd" is put before them and left out). */
    static List<String> fields(Expander x, String text) {
        Ast.Simple c = (Ast.Simple) Parser.parseAll("cmd " + text).get(0).items().get(0).andOr().pipelines().get(0)
                .commands().get(0);
        List<String> f = x.fields(c.words());
        return f.subList(1, f.size());
    }
}
