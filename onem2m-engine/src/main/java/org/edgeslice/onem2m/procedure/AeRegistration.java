package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ReleaseVersions;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.IdGenerator;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * AE registration rules (TS-0001 §10.2.2.2, TS-0004 §7.3.5.2.1) for the originator and {@code api}:
 * <ul>
 *   <li>{@code From} empty, {@code C} or {@code S}: the CSE assigns an AE-ID starting with that letter
 *       ({@code C} for empty);</li>
 *   <li>{@code From} {@code C...}/{@code S...}: the AE keeps that AE-ID unless an AE with it is registered already
 *       (4117 ORIGINATOR_HAS_ALREADY_REGISTERED); an SP-relative {@code /csi/Cxyz} naming this CSE is accepted;</li>
 *   <li>any other originator cannot register an AE (4000);</li>
 *   <li>{@code api} starts with {@code N} or {@code R}; lower-case {@code r} only for releases 2a and 3
 *       (as ACME enforces); {@code srv} is mandatory from release 3.</li>
 *   <li>{@code csz} and {@code srv} hold only values oneM2M defines (TS-0001 §9.6.5, TS-0004 §6.3.3 and
 *       §6.4.x): an unknown serialization or release is 4000, on CREATE and UPDATE.</li>
 * </ul>
 */
final class AeRegistration {
    private static final Set<String> LOWER_R_RELEASES = Set.of("1", "2", "2a", "3");
    /**
     * The serialization media types of TS-0004 §6.7 (and TS-0009 §6.4.x): plain and oneM2M-resource forms of
     * JSON, XML and CBOR. The AE lists what it accepts; the CSE only ever answers JSON, which is fine as long as
     * the values mean something.
     */
    private static final Set<String> SERIALIZATIONS = Set.of("application/json", "application/xml",
            "application/cbor", "application/vnd.onem2m-res+json", "application/vnd.onem2m-res+xml",
            "application/vnd.onem2m-res+cbor");

    private AeRegistration() {
    }

    /** @return the AE-ID to assign (also the AE's {@code ri}) */
    static String assignAeId(String from, String cseId, ResourceStore store) {
        String originator = from == null ? "" : from;
        if (originator.startsWith(cseId + "/")) {
            originator = originator.substring(cseId.length() + 1);
        }
        if (originator.isEmpty() || originator.equals("C") || originator.equals("S")) {
            String prefix = originator.isEmpty() ? "C" : originator;
            String id;
            do {
                id = prefix + IdGenerator.random(12);
            } while (store.get(id).isPresent());
            return id;
        }
        if (originator.charAt(0) != 'C' && originator.charAt(0) != 'S') {
            throw Onem2mException.badRequest("an AE originator must be empty or start with C or S: " + from);
        }
        if (originator.contains("/")) {
            throw Onem2mException.badRequest("invalid AE-ID " + from);
        }
        if (store.get(originator).isPresent()) {
            throw new Onem2mException(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED,
                    "originator " + originator + " is already registered");
        }
        return originator;
    }

    static void checkAttributes(ObjectNode body, String releaseVersion) {
        String api = body.path("api").asText("");
        boolean ok = !api.isEmpty() && (api.charAt(0) == 'N' || api.charAt(0) == 'R'
                || api.charAt(0) == 'r' && (releaseVersion == null || LOWER_R_RELEASES.contains(releaseVersion)));
        if (!ok) {
            throw Onem2mException.badRequest("api must start with N or R: " + api);
        }
        boolean release3plus = releaseVersion != null && !LOWER_R_RELEASES.contains(releaseVersion)
                || "3".equals(releaseVersion);
        if (release3plus && !body.hasNonNull("srv")) {
            throw Onem2mException.badRequest("missing mandatory attribute srv (release 3 and later)");
        }
    }

    /**
     * {@code csz} and {@code srv} of an AE CREATE or UPDATE body: every entry a known serialization media type
     * or release version (4000 otherwise, ACME {@code test_createAEWrongCSZ}). The JSON types were checked
     * already by the attribute validator.
     */
    static void checkSerializationsAndReleases(ObjectNode body) {
        JsonNode csz = body.get("csz");
        if (csz != null && csz.isArray()) {
            for (JsonNode c : csz) {
                if (!SERIALIZATIONS.contains(c.asText())) {
                    throw Onem2mException.badRequest("csz holds an unknown serialization: " + c.asText());
                }
            }
        }
        JsonNode srv = body.get("srv");
        if (srv != null && srv.isArray()) {
            if (srv.isEmpty()) {
                throw Onem2mException.badRequest("srv must list at least one release version");
            }
            for (JsonNode v : srv) {
                if (!ReleaseVersions.isKnown(v.asText())) {
                    throw Onem2mException.badRequest("srv holds an unknown release version: " + v.asText());
                }
            }
        }
    }
}
