package org.edgeslice.mep.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.edgeslice.mep.MecPlatformApplication;
import org.edgeslice.mep.infrastructure.PlatformSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies the Mp1 access tokens (ETSI GS MEC 009 clause 7: OAuth 2.0 client credentials). The
 * signing key is generated once ({@link PlatformSecrets}) and kept in {@code mep_platform_secret}; the lifetime is
 * {@code mep.oauth2.token-lifetime} seconds (default 300: short-lived, an app asks again when it expires).
 */
@ApplicationScoped
public class TokenService {

    @Resource(lookup = MecPlatformApplication.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "mep.oauth2.token-lifetime", defaultValue = "300")
    long lifetimeSeconds;

    private volatile AccessTokens tokens;

    public AccessTokens.Issued issue(String appInstanceId, String clientId) {
        return tokens().issue(appInstanceId, clientId);
    }

    public Optional<AccessTokens.Claims> verify(String token) {
        return tokens().verify(token);
    }

    private AccessTokens tokens() {
        AccessTokens t = tokens;
        if (t == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new AccessTokens(Base64.getDecoder().decode(signingKey()), Clock.systemUTC(),
                            Duration.ofSeconds(lifetimeSeconds));
                }
                t = tokens;
            }
        }
        return t;
    }

    private String signingKey() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select secret_value from mep_platform_secret where name = ?")) {
            q.setString(1, PlatformSecrets.TOKEN_SIGNING_KEY);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No token signing key; PlatformDatabase creates it at start");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the token signing key", e);
        }
    }
}
