package org.modkern.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonTest {
    @Test
    @SuppressWarnings("unchecked")
    public void readsWhatJmhWrites() {
        Object v = Json.parse("[ {\"benchmark\": \"a.B.c\", \"params\": {\"block\": \"4096\"},"
                + " \"primaryMetric\": {\"score\": 1.5e3, \"scoreError\": \"NaN\", \"rawData\": [[1, -2.5]]},"
                + " \"ok\": true, \"none\": null, \"text\": \"q\\\"\\u00e9\\n\"} ]");
        Map<String, Object> m = (Map<String, Object>) ((List<Object>) v).get(0);
        assertEquals("a.B.c", m.get("benchmark"));
        assertEquals("4096", ((Map<String, Object>) m.get("params")).get("block"));
        Map<String, Object> pm = (Map<String, Object>) m.get("primaryMetric");
        assertEquals(1500.0, (Double) pm.get("score"), 0);
        assertEquals("NaN", pm.get("scoreError"));
        assertEquals(-2.5, (Double) ((List<Object>) ((List<Object>) pm.get("rawData")).get(0)).get(1), 0);
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertNull(m.get("none"));
        assertEquals("q\"é\n", m.get("text"));
    }

    @Test
    public void refusesBrokenText() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "\"open", "[1] x", "{1: 2}"}) {
            try {
                Json.parse(bad);
                fail("parsed " + bad);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                // expected
            }
        }
    }
}
