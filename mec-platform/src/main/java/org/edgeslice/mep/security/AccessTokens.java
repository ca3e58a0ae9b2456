package org.edgeslice.mep.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-contained bearer tokens: {@code base64url(appInstanceId \n clientId \n expiry) . base64url(HMAC-SHA256)}.
 * Signed with a platform key (kept in the database, so tokens survive a restart); verifying one needs no lookup.
 */
public final class AccessTokens {

    /** What a valid token says. */
    public record Claims(String appInstanceId, String clientId, long expiresAtEpochSecond) {
    }

    /** A token just issued. */
    public record Issued(String token, long expiresIn) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;

    public AccessTokens(byte[] key, Clock clock, Duration lifetime) {
        this.key = key.clone();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Issued issue(String appInstanceId, String clientId) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = B64.encodeToString((appInstanceId + "\n" + clientId + "\n" + expiry)
                .getBytes(StandardCharsets.UTF_8));
        return new Issued(payload + "." + B64.encodeToString(mac(payload)), lifetime.toSeconds());
    }

    public Optional<Claims> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(payload), B64D.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(B64D.decode(payload), StandardCharsets.UTF_8).split("\n");
            if (parts.length != 3) {
                return Optional.empty();
            }
            long expiry = Long.parseLong(parts[2]);
            if (clock.instant().getEpochSecond() >= expiry) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[0], parts[1], expiry));
        } catch (IllegalArgumentException e) { // bad base64 or number: not one of ours
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
