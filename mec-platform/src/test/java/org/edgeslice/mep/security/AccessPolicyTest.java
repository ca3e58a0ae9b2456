package org.edgeslice.mep.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void pathsAreGuardedByTheirInterface() {
        assertEquals(AccessPolicy.Guard.MM5, AccessPolicy.guardOf("mm5/v1/app_instances/a"));
        assertEquals(AccessPolicy.Guard.MP1, AccessPolicy.guardOf("mec_app_support/v2/timing/current_time"));
        assertEquals(AccessPolicy.Guard.MP1, AccessPolicy.guardOf("mec_service_mgmt/v1/services"));
        assertEquals(AccessPolicy.Guard.NONE, AccessPolicy.guardOf("oauth2/token"));
    }

    @Test
    void appScopedPathsNameTheirOwner() {
        assertEquals(Optional.of("a1"), AccessPolicy.ownerOf("mec_app_support/v2/applications/a1/dns_rules/d"));
        assertEquals(Optional.of("a1"), AccessPolicy.ownerOf("mec_app_support/v2/registrations/a1"));
        assertEquals(Optional.of("a1"), AccessPolicy.ownerOf("mec_service_mgmt/v1/applications/a1"));
        assertEquals(Optional.of("a1"), AccessPolicy.ownerOf("mec_service_mgmt/v1/applications/a1/services/s"));
        assertEquals(Optional.empty(), AccessPolicy.ownerOf("mec_app_support/v2/registrations"));
        assertEquals(Optional.empty(), AccessPolicy.ownerOf("mec_service_mgmt/v1/services/s/liveness"));
    }
}
