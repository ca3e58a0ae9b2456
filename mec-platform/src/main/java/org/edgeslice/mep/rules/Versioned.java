package org.edgeslice.mep.rules;

/** A representation with its strong entity tag. */
public record Versioned<T>(T body, String etag) {
}
