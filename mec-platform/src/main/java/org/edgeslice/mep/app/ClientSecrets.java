package org.edgeslice.mep.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Client secrets are stored as SHA-256 hashes: the MEPM generates them with high entropy, so a salted slow hash
 * would add nothing but latency to every token request, while a database dump still reveals no secret.
 */
public final class ClientSecrets {

    private ClientSecrets() {
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so response timing reveals nothing about the stored hash. */
    public static boolean matches(String secret, String storedHash) {
        return secret != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
