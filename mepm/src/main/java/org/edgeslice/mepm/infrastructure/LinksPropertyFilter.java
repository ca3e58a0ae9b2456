package org.edgeslice.mepm.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The contract records name their {@code _links} component {@code links} in Java and map it with
 * {@code @JsonProperty("_links")}, which MicroProfile OpenAPI does not read: without this filter the served
 * document would say {@code links} while the wire says {@code _links}. Registered by {@code mp.openapi.filter}.
 */
public class LinksPropertyFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> props = schema.getProperties();
        if (props != null && props.containsKey("links") && !props.containsKey("_links")) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            props.forEach((k, v) -> renamed.put(k.equals("links") ? "_links" : k, v));
            schema.setProperties(renamed);
            List<String> required = schema.getRequired();
            if (required != null && required.contains("links")) {
                schema.setRequired(required.stream().map(r -> r.equals("links") ? "_links" : r).toList());
            }
        }
        return schema;
    }
}
