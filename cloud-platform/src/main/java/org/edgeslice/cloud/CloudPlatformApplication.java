package org.edgeslice.cloud;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The cloud side of IoT service slicing (Hwang et al. 2021): ISCL (request API and entire view), ISS
 * (orchestration through the MEO and the CISS), ISSM (slice images and packages), the CSFR catalogue and the CISS
 * (the cloud IN-CSE, served under {@code /cse}). Its database is chosen by {@code cloud.db.url} (environment
 * {@code CLOUD_DB_URL}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "EdgeSlice cloud platform (ISCL, ISS, ISSM, CSFR, CISS)", version = "0.1.0"))
@DataSourceDefinition(name = CloudPlatformApplication.DATA_SOURCE,
        className = "org.edgeslice.support.persistence.ConfiguredDataSource",
        url = "${MPCONFIG=cloud.db.url}", user = "${MPCONFIG=cloud.db.user}", password = "${MPCONFIG=cloud.db.password}",
        minPoolSize = 2, maxPoolSize = 24)
public class CloudPlatformApplication extends Application {

    public static final String DATA_SOURCE = "java:app/jdbc/cloud";
}
