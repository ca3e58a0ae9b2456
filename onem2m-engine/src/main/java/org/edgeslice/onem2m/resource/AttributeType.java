package org.edgeslice.onem2m.resource;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON data types attribute values must have (TS-0004 §6.3 data types, simplified to what JSON can tell). */
public enum AttributeType {
    STRING {
        @Override
        public boolean accepts(JsonNode v) {
            return v.isTextual();
        }
    },
    NON_NEG_INT {
        @Override
        public boolean accepts(JsonNode v) {
            return v.canConvertToLong() && v.isIntegralNumber() && v.asLong() >= 0;
        }
    },
    BOOLEAN {
        @Override
        public boolean accepts(JsonNode v) {
            return v.isBoolean();
        }
    },
    STRING_LIST {
        @Override
        public boolean accepts(JsonNode v) {
            if (!v.isArray()) {
                return false;
            }
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    return false;
                }
            }
            return true;
        }
    },
    INT_LIST {
        @Override
        public boolean accepts(JsonNode v) {
            if (!v.isArray()) {
                return false;
            }
            for (JsonNode e : v) {
                if (!e.isIntegralNumber()) {
                    return false;
                }
            }
            return true;
        }
    },
    OBJECT {
        @Override
        public boolean accepts(JsonNode v) {
            return v.isObject();
        }
    },
    /**
     * {@code con}: a string, or a JSON object or array (newer ACME releases accept structured content); a bare
     * number, boolean or null is refused, as the oneM2M test suite expects (docs/conformance.md).
     */
    CONTENT {
        @Override
        public boolean accepts(JsonNode v) {
            return v.isTextual() || v.isObject() || v.isArray();
        }
    };

    /** Whether {@code v} is a value of this type. */
    public abstract boolean accepts(JsonNode v);
}
