package org.edgeslice.contract.common;

/** ETSI MEC {@code LinkType}: an {@code href} to a related resource, used inside {@code _links}. */
public record LinkType(String href) {
}
