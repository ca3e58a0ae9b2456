package org.edgeslice.mep.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static AccessTokens at(Instant t) {
        return new AccessTokens(KEY, Clock.fixed(t, ZoneOffset.UTC), Duration.ofSeconds(300));
    }

    @Test
    void anIssuedTokenVerifiesUntilItExpires() {
        AccessTokens.Issued issued = at(NOW).issue("app-1", "client-1");
        assertEquals(300, issued.expiresIn());
        AccessTokens.Claims c = at(NOW.plusSeconds(299)).verify(issued.token()).orElseThrow();
        assertEquals("app-1", c.appInstanceId());
        assertEquals("client-1", c.clientId());
        assertTrue(at(NOW.plusSeconds(300)).verify(issued.token()).isEmpty(), "expired");
    }

    @Test
    void aTamperedOrForeignTokenIsRejected() {
        String token = at(NOW).issue("app-1", "client-1").token();
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("app-2\nclient-1\n9999999999".getBytes());
        assertTrue(at(NOW).verify(forgedPayload + token.substring(token.indexOf('.'))).isEmpty(), "payload swapped");
        assertTrue(at(NOW).verify(token + "x").isEmpty(), "signature changed");
        assertTrue(new AccessTokens("another-key-another-key-another!!".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(300)).verify(token).isEmpty(), "another platform's key");
        for (String junk : new String[] {"", ".", "abc", "!!!.???", null}) {
            assertTrue(at(NOW).verify(junk).isEmpty(), String.valueOf(junk));
        }
    }
}
