package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code CategoryRef}, used by the AppD's service descriptors. */
@Schema(name = "CategoryRef")
public record CategoryRef(String href, String id, String name, String version) {
}
