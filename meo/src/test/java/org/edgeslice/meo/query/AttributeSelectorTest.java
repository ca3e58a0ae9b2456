package org.edgeslice.meo.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** MEC attribute-based filtering and attribute selectors. */
class AttributeSelectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> items() throws Exception {
        return List.of(
                JSON.readTree("{\"id\":\"1\",\"appName\":\"slice-a\",\"instantiationState\":\"INSTANTIATED\",\"n\":5,"
                        + "\"instantiatedAppState\":{\"operationalState\":\"STARTED\"},\"_links\":{\"self\":{\"href\":\"x\"}}}"),
                JSON.readTree("{\"id\":\"2\",\"appName\":\"handler\",\"instantiationState\":\"NOT_INSTANTIATED\",\"n\":7,"
                        + "\"_links\":{\"self\":{\"href\":\"y\"}}}"));
    }

    private static List<String> ids(ArrayNode a) {
        return a.findValuesAsText("id");
    }

    @Test
    void filterOperatorsSelect() throws Exception {
        assertEquals(List.of("1"), ids(AttributeSelector.parse("(eq,instantiationState,INSTANTIATED)", null, null, null, null)
                .apply(items(), Set.of())));
        assertEquals(List.of("2"), ids(AttributeSelector.parse("(neq,instantiatedAppState/operationalState,STARTED)",
                null, null, null, null).apply(items(), Set.of())));
        assertEquals(List.of("1", "2"), ids(AttributeSelector.parse("(in,appName,handler,slice-a)", null, null, null, null)
                .apply(items(), Set.of())));
        assertEquals(List.of("1"), ids(AttributeSelector.parse("(cont,appName,slice);(gt,n,4);(lt,n,6)", null, null, null, null)
                .apply(items(), Set.of())));
    }

    @Test
    void fieldsAndExclusionsProject() throws Exception {
        JsonNode one = AttributeSelector.parse(null, null, "appName", null, null).apply(items(), Set.of()).get(0);
        assertEquals(Set.of("id", "_links", "appName"), Set.copyOf(List.of(one.fieldNames().next(), "id", "_links", "appName")));
        assertFalse(one.has("n"));
        JsonNode two = AttributeSelector.parse(null, null, null, "n,instantiatedAppState/operationalState", null)
                .apply(items(), Set.of()).get(0);
        assertFalse(two.has("n"));
        assertTrue(two.has("instantiatedAppState") && !two.get("instantiatedAppState").has("operationalState"));
        JsonNode three = AttributeSelector.parse(null, null, null, null, "").apply(items(), Set.of("n")).get(0);
        assertFalse(three.has("n"));
    }

    @Test
    void malformedSelectorsAre400() {
        for (String[] q : new String[][] {{"eq,appName,x", null, null, null}, {"(like,appName,x)", null, null, null},
                {"(eq,appName)", null, null, null}, {null, "", "appName", null}, {null, null, "a", "b"}}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> AttributeSelector.parse(q[0], q[1], q[2], q[3], null).apply(items(), Set.of()));
            assertEquals(400, e.status());
        }
    }
}
