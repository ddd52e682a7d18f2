package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ExpanderTest {
    private final MapVars v = new MapVars();
    private final Map<String, String> vars = v.vars;
    private final List<String> args = v.args;
    private final Expander x = new Expander(v);

    private List<String> fields(String text) {
        return Parsing.fields(x, text);
    }

    @Test
    public void variablesAndStatus() {
        vars.put("x", "1");
        vars.put("?", "127");
        vars.put("HOME", "/home/u");
        assertEquals(List.of("1", "127", "a1b", "/home/u/bin", "1", ""), fields("$x $? a${x}b ${HOME}/bin \"$x\" \"$nope\""));
        assertEquals(List.of(), fields("$nope"));
        assertEquals(List.of("~", "/home/u", "/home/u/x", "a~"), fields("'~' ~ ~/x a~"));
        assertEquals(List.of("$x", "$x"), fields("'$x' \\$x"));
    }

    @Test
    public void fieldSplitting() {
        vars.put("v", "  a  b ");
        assertEquals(List.of("a", "b"), fields("$v"));
        assertEquals(List.of("  a  b "), fields("\"$v\""));
        assertEquals(List.of("x", "a", "b", "y"), fields("x${v}y"));
        vars.put("w", "1 2");
        assertEquals(List.of("x1", "2y"), fields("x${w}y"));
        vars.put("IFS", ":");
        vars.put("p", "/bin::/sbin");
        assertEquals(List.of("/bin", "", "/sbin"), fields("$p"));
        vars.put("IFS", "");
        assertEquals(List.of("/bin::/sbin"), fields("$p"));
    }

    @Test
    public void positionalParameters() {
        args.addAll(List.of("a b", "", "c"));
        assertEquals(List.of("3", "a b", "c"), fields("$# \"$1\" $3"));
        assertEquals(List.of("a b", "", "c"), fields("\"$@\""));
        assertEquals(List.of("xa b", "", "cy"), fields("\"x$@y\""));
        assertEquals(List.of("a", "b", "c"), fields("$@"));
        assertEquals(List.of("a b  c"), fields("\"$*\""));
        assertEquals(List.of("a", "b", "c"), fields("$*"));
        args.clear();
        assertEquals(List.of(), fields("\"$@\""));
        assertEquals(List.of(""), fields("\"$*\""));
    }

    @Test
    public void braceOperators() {
        vars.put("e", "");
        vars.put("s", "val");
        assertEquals(List.of("d", "", "val", "d"), fields("${u:-d} \"${e-d}\" ${s:-d} ${e:-d}"));
        assertEquals(List.of("alt", "", "3", "0"), fields("${s:+alt} \"${e:+alt}\" ${#s} ${#u}"));
        assertEquals(List.of("new", "new"), fields("${n:=new} $n"));
        assertEquals(List.of("a", "b"), fields("${u:-a b}"));
        assertEquals(List.of("a b"), fields("\"${u:-a b}\""));
        try {
            fields("${u?is missing}");
            fail();
        } catch (Expander.Failure e) {
            assertEquals("u: is missing", e.getMessage());
        }
        try {
            fields("${e:?}");
            fail();
        } catch (Expander.Failure e) {
            assertEquals("e: parameter not set", e.getMessage());
        }
    }

    @Test
    public void assignmentsAndTargetsAreNotSplit() {
        vars.put("v", "a  b");
        Ast.Simple c = (Ast.Simple) Parser.parseAll("x=$v cmd > $v").get(0).items().get(0).andOr().pipelines().get(0)
                .commands().get(0);
        assertEquals("a  b", x.string(c.assigns().get(0).value()));
        assertEquals("a  b", x.string(c.redirs().get(0).target()));
    }
}
