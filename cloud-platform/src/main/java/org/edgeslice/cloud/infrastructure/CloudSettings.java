package org.edgeslice.cloud.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cloud platform's configuration keys (MicroProfile Config: system property, environment variable such as
 * {@code CLOUD_MEO_URL}, or microprofile-config.properties). Read on every use, so tests and operators can change
 * them without a restart where that makes sense.
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><td>cloud.meo.url</td><td>MEO apiRoot; fallback: system property edgeslice.meo.url; default
 *       http://127.0.0.1:18080/meo</td></tr>
 *   <tr><td>cloud.callback.url</td><td>the cloud platform's own base URL as the MEO and the slices reach it (LCM
 *       notifications, package downloads, sync notifications; {url}/cse is the CISS CSEBase's poa); default:
 *       derived from the request that started the work (loopback and the port it arrived on), and no poa.
 *       ./mec sets it</td></tr>
 *   <tr><td>cloud.csfr.registry</td><td>the CSFR registry; fallback edgeslice.registry; default 127.0.0.1:5000</td></tr>
 *   <tr><td>cloud.docker.host</td><td>Docker Engine the ISSM builds with; fallback edgeslice.docker.host; default
 *       unix:///run/edgeslice/docker.sock</td></tr>
 *   <tr><td>cloud.slice.artifacts</td><td>directory with iot-slice-meapp.jar and lib/ (the launcher passes it);
 *       fallback {edgeslice.root}/iot-slice-meapp/target, then ./iot-slice-meapp/target</td></tr>
 *   <tr><td>cloud.local.artifacts</td><td>unset (images); set: no Docker, the ISSM lays slices out there for the
 *       hosts' local-process driver (see LocalSliceLayout)</td></tr>
 *   <tr><td>cloud.slice.baseImage</td><td>default edgeslice/jre17:2</td></tr>
 *   <tr><td>cloud.slice.repository</td><td>repository of slice images in the CSFR, default edgeslice/iot-slice</td></tr>
 *   <tr><td>cloud.issm.imageBuild</td><td>true: build and push missing images; false: trust the CSFR to hold
 *       them (tests with a fake MEO)</td></tr>
 *   <tr><td>cloud.iss.instantiateTimeoutSeconds</td><td>default 180</td></tr>
 *   <tr><td>cloud.cse.id / cloud.cse.name</td><td>the IN-CSE's CSE-ID and CSEBase name, default /id-in, in-cse</td></tr>
 *   <tr><td>cloud.cse.adminOriginator</td><td>default CAdmin</td></tr>
 *   <tr><td>cloud.cse.commit</td><td>GROUP (default) or SYNC, see JpaResourceStore</td></tr>
 *   <tr><td>cloud.cse.synchronousCommit</td><td>true (default); false: PostgreSQL commits without waiting for the
 *       WAL flush (survives a crash of the cloud platform, not of the database server)</td></tr>
 *   <tr><td>cloud.slice.adminOriginator</td><td>the slices' admin originator, default CAdmin</td></tr>
 *   <tr><td>cloud.ciss.latestInstances</td><td>content instances copied per container at offload, default 10</td></tr>
 * </table>
 */
@ApplicationScoped
public class CloudSettings {

    private final Function<String, Optional<String>> source;

    public CloudSettings() {
        this(applicationConfig());
    }

    /**
     * The WAR's own configuration, looked up through this class's loader: health checks and workers run on
     * threads whose context class loader is the server's, which would miss the WAR's
     * microprofile-config.properties.
     */
    private static Function<String, Optional<String>> applicationConfig() {
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig(CloudSettings.class.getClassLoader());
        return key -> config.getOptionalValue(key, String.class);
    }

    public CloudSettings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public String get(String key, String dflt) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(dflt);
    }

    public Optional<String> get(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int getInt(String key, int dflt) {
        return Integer.parseInt(get(key, Integer.toString(dflt)));
    }

    public String meoUrl() {
        return strip(get("cloud.meo.url").or(() -> Optional.ofNullable(System.getProperty("edgeslice.meo.url")))
                .orElse("http://127.0.0.1:18080/meo"));
    }

    public Optional<String> callbackUrl() {
        return get("cloud.callback.url").map(CloudSettings::strip);
    }

    public String registry() {
        return get("cloud.csfr.registry").or(() -> sysprop("edgeslice.registry")).orElse("127.0.0.1:5000");
    }

    public String dockerHost() {
        return get("cloud.docker.host").or(() -> sysprop("edgeslice.docker.host"))
                .orElse("unix:///run/edgeslice/docker.sock");
    }

    /** cloud.slice.artifacts; else {edgeslice.root}/iot-slice-meapp/target; else ./iot-slice-meapp/target if built. */
    public Optional<String> sliceArtifacts() {
        return get("cloud.slice.artifacts")
                .or(() -> sysprop("edgeslice.root").map(r -> java.nio.file.Path.of(r, "iot-slice-meapp", "target").toString()))
                .or(() -> java.nio.file.Files.isDirectory(java.nio.file.Path.of("iot-slice-meapp", "target"))
                        ? Optional.of(java.nio.file.Path.of("iot-slice-meapp", "target").toAbsolutePath().toString())
                        : Optional.empty());
    }

    private static Optional<String> sysprop(String key) {
        return Optional.ofNullable(System.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * cloud.local.artifacts: set (by the launcher) when the machine has no Docker Engine; the ISSM then lays slices
     * out in this directory for the MEC hosts' local-process driver (the hosts' {@code mepm.local.artifacts})
     * instead of building images and pushing them to the CSFR.
     */
    public Optional<String> localArtifacts() {
        return get("cloud.local.artifacts");
    }

    public String baseImage() {
        return get("cloud.slice.baseImage", "edgeslice/jre17:2");
    }

    public String sliceRepository() {
        return get("cloud.slice.repository", "edgeslice/iot-slice");
    }

    public boolean imageBuild() {
        return Boolean.parseBoolean(get("cloud.issm.imageBuild", "true"));
    }

    public int instantiateTimeoutSeconds() {
        return getInt("cloud.iss.instantiateTimeoutSeconds", 180);
    }

    public String cseId() {
        return get("cloud.cse.id", "/id-in");
    }

    public String cseName() {
        return get("cloud.cse.name", "in-cse");
    }

    public String cseAdmin() {
        return get("cloud.cse.adminOriginator", "CAdmin");
    }

    public String commitPolicy() {
        return get("cloud.cse.commit", "GROUP");
    }

    /** cloud.cse.synchronousCommit (default true); false relaxes PostgreSQL's commit, see ResourceRows. */
    public boolean synchronousCommit() {
        return Boolean.parseBoolean(get("cloud.cse.synchronousCommit", "true"));
    }

    public String sliceAdmin() {
        return get("cloud.slice.adminOriginator", "CAdmin");
    }

    public int latestInstances() {
        return getInt("cloud.ciss.latestInstances", 10);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
