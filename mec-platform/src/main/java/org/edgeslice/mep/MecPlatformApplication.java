package org.edgeslice.mep;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The MEC platform of one MEC host: the Mp1 reference point of ETSI GS MEC 011 (application support and
 * service management). Its database is chosen by {@code mep.db.url} (environment {@code MEP_DB_URL}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "MEC platform (ETSI GS MEC 011)", version = "3.1.1"))
@DataSourceDefinition(name = MecPlatformApplication.DATA_SOURCE,
        className = "org.edgeslice.support.persistence.ConfiguredDataSource",
        url = "${MPCONFIG=mep.db.url}", user = "${MPCONFIG=mep.db.user}", password = "${MPCONFIG=mep.db.password}",
        minPoolSize = 1, maxPoolSize = 16)
public class MecPlatformApplication extends Application {

    public static final String DATA_SOURCE = "java:app/jdbc/mep";
}
