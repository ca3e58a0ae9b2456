package org.edgeslice.meapp.mp1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The client's JSON mapper. Liberal in what it accepts from the platform (unknown attributes are ignored: a newer
 * MEC 011 version may add some), conservative in what it sends (no nulls).
 */
public final class Mp1Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Mp1Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
