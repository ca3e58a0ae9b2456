package org.edgeslice.meo.web;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.edgeslice.meo.query.AttributeSelector;
import org.edgeslice.support.json.Json;

/** The attribute selector query parameters of the MEC 010-2 GET collections. */
public class Selectors {

    @QueryParam("filter")
    String filter;

    @QueryParam("all_fields")
    String allFields;

    @QueryParam("fields")
    String fields;

    @QueryParam("exclude_fields")
    String excludeFields;

    @QueryParam("exclude_default")
    String excludeDefault;

    /** No selector given: the collection is returned whole, as stored. */
    boolean none() {
        return filter == null && allFields == null && fields == null && excludeFields == null && excludeDefault == null;
    }

    /** Like {@link #apply}, on representations already as JSON trees (not modified). */
    ArrayNode applyToTrees(List<JsonNode> nodes, Set<String> defaultExcluded) {
        return AttributeSelector.parse(filter, allFields, fields, excludeFields, excludeDefault).apply(nodes, defaultExcluded);
    }

    ArrayNode apply(List<?> items, Set<String> defaultExcluded) {
        AttributeSelector s = AttributeSelector.parse(filter, allFields, fields, excludeFields, excludeDefault);
        List<JsonNode> nodes = items.stream().map(i -> (JsonNode) Json.mapper().valueToTree(i)).toList();
        return s.apply(nodes, defaultExcluded);
    }
}
