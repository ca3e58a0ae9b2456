package org.edgeslice.meapp.mp1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A JSON mapper with the Mp1 client's rules, for ME Apps that bind their own types with jackson-databind (the
 * slicing handler's ISCL client): liberal in what it accepts (unknown attributes are ignored: a newer version may
 * add some), conservative in what it sends (no nulls). The Mp1 client itself uses
 * {@link org.edgeslice.meapp.json.RecordJson}, the same rules without databind's classes.
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
