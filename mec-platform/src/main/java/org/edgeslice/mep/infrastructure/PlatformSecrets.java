package org.edgeslice.mep.infrastructure;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;

/** Creates, once, the secrets the platform generates for itself (the key that signs access tokens). */
public final class PlatformSecrets {

    public static final String TOKEN_SIGNING_KEY = "token-signing-key";

    private PlatformSecrets() {
    }

    static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("select 1 from mep_platform_secret where name = ?")) {
                q.setString(1, TOKEN_SIGNING_KEY);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into mep_platform_secret (name, secret_value) values (?, ?)")) {
                insert.setString(1, TOKEN_SIGNING_KEY);
                insert.setString(2, Base64.getEncoder().encodeToString(key));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the platform's secrets", e);
        }
    }
}
