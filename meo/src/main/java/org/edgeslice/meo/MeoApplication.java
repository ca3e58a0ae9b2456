package org.edgeslice.meo;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The MEC orchestrator: ETSI GS MEC 010-2 application package management ({@code app_pkgm/v1}), application
 * lifecycle management ({@code app_lcm/v1}) and granting ({@code granting/v1}), the MEC host inventory
 * ({@code mec_hosts/v1}) and the Mm3 notification endpoint ({@code mm3/v1/notifications}). Its database is
 * chosen by {@code meo.db.url} (environment {@code MEO_DB_URL}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "MEC orchestrator (ETSI GS MEC 010-2)", version = "3.1.1"))
@DataSourceDefinition(name = MeoApplication.DATA_SOURCE,
        className = "org.edgeslice.support.persistence.ConfiguredDataSource",
        url = "${MPCONFIG=meo.db.url}", user = "${MPCONFIG=meo.db.user}", password = "${MPCONFIG=meo.db.password}",
        minPoolSize = 1, maxPoolSize = 16)
public class MeoApplication extends Application {

    public static final String DATA_SOURCE = "java:app/jdbc/meo";
}
