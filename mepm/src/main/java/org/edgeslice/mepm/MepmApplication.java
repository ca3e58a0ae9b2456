package org.edgeslice.mepm;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The MEC platform manager of one MEC host: the MEPM side of ETSI GS MEC 010-2 (Mm3 lifecycle delegated by the
 * MEO, granting, platform configuration over Mm5) driving the host's Docker Engine. Its database is chosen by
 * {@code mepm.db.url} (environment {@code MEPM_DB_URL}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "MEPM, Mm3 (ETSI GS MEC 010-2)", version = "3.1.1"))
@DataSourceDefinition(name = MepmApplication.DATA_SOURCE,
        className = "org.edgeslice.support.persistence.ConfiguredDataSource",
        url = "${MPCONFIG=mepm.db.url}", user = "${MPCONFIG=mepm.db.user}", password = "${MPCONFIG=mepm.db.password}",
        minPoolSize = 1, maxPoolSize = 16)
public class MepmApplication extends Application {

    public static final String DATA_SOURCE = "java:app/jdbc/mepm";
}
