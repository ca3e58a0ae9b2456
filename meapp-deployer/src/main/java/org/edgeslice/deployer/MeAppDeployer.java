package org.edgeslice.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys an ME App in advance, as an OSS does over Mm1: onboards its package at the MEO (unless a package
 * with the same appDId is onboarded already) and, on each named MEC host that does not run it yet, creates an
 * app instance and instantiates it there ({@code selectedMECHostInfo}), following the op occurrence to
 * COMPLETED. Idempotent, so {@code ./mec up} can call it every time.
 *
 * <pre>
 * java -jar meapp-deployer.jar --meo URL --appd FILE --image REF --package-dir DIR --host ID [--host ID ...]
 * </pre>
 * The AppD file may contain {@code ${IMAGE}}, replaced by {@code --image}. Prints one line per host:
 * {@code host=<id> appInstanceId=<id> state=INSTANTIATED}.
 */
public final class MeAppDeployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mm1Client meo;

    MeAppDeployer(Mm1Client meo) {
        this.meo = meo;
    }

    public static void main(String[] args) throws Exception {
        String meoUrl = null;
        String appdFile = null;
        String image = null;
        String packageDir = System.getProperty("java.io.tmpdir");
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--meo" -> meoUrl = v;
                case "--appd" -> appdFile = v;
                case "--image" -> image = v;
                case "--package-dir" -> packageDir = v;
                case "--host" -> hosts.add(v);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (meoUrl == null || appdFile == null || image == null || hosts.contains(null) || hosts.isEmpty()) {
            usage("--meo, --appd, --image and at least one --host are required");
        }
        String text = Files.readString(Path.of(appdFile)).replace("${IMAGE}", image);
        MeAppDeployer deployer = new MeAppDeployer(new Mm1Client(meoUrl));
        AppPackage pkg = AppPackage.of(JSON.readTree(text));
        try {
            deployer.onboard(pkg, Path.of(packageDir));
            for (String host : hosts) {
                JsonNode instance = deployer.instantiateOn(pkg.appDId(), host);
                StringBuilder line = new StringBuilder("host=" + host + " appInstanceId=" + instance.path("id").asText()
                        + " state=" + instance.path("instantiationState").asText());
                deployer.endpoints(host, instance.path("id").asText()).fields()
                        .forEachRemaining(e -> line.append(" endpoint.").append(e.getKey()).append('=')
                                .append(e.getValue().asText()));
                System.out.println(line);
            }
        } catch (IOException | IllegalStateException e) {
            System.err.println("meapp-deployer: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("meapp-deployer: " + problem);
        System.err.println("usage: meapp-deployer --meo URL --appd FILE --image REF [--package-dir DIR] --host ID...");
        System.exit(2);
    }

    /** Onboards the package unless one with its appDId is ONBOARDED already; returns the package id. */
    String onboard(AppPackage pkg, Path packageDir) throws IOException {
        for (JsonNode p : meo.appPackages()) {
            if (pkg.appDId().equals(p.path("appDId").asText())
                    && "ONBOARDED".equals(p.path("onboardingState").asText())) {
                return p.path("id").asText();
            }
        }
        Path file = pkg.writeTo(packageDir).toAbsolutePath();
        ObjectNode create = JSON.createObjectNode();
        create.put("appPkgName", pkg.appD().path("appName").asText());
        create.put("appPkgVersion", pkg.appD().path("appDVersion").asText());
        create.put("appProvider", pkg.appD().path("appProvider").asText());
        create.putObject("checksum").put("algorithm", "SHA-256").put("hash", pkg.sha256());
        create.put("appPkgPath", file.toUri().toString());
        JsonNode info = meo.createAppPackage(create);
        String id = info.path("id").asText();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"ONBOARDED".equals(info.path("onboardingState").asText())) {
            if (info.hasNonNull("onboardingFailure") || "ERROR".equals(info.path("onboardingState").asText())) {
                throw new IllegalStateException("the MEO could not onboard " + pkg.appDId() + ": " + info);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("package " + id + " not ONBOARDED after 60 s: " + info);
            }
            pause(100);
            info = meo.appPackage(id);
        }
        return id;
    }

    /** The instance of {@code appDId} on {@code hostId}: the running one, or a new one instantiated there. */
    JsonNode instantiateOn(String appDId, String hostId) throws IOException {
        for (JsonNode i : meo.appInstances()) {
            // a running instance only: one whose container died is INSTANTIATED but STOPPED
            if (appDId.equals(i.path("appDId").asText()) && "INSTANTIATED".equals(i.path("instantiationState").asText())
                    && "STARTED".equals(i.path("operationalState").asText()) && hostId.equals(hostOf(i))) {
                return i;
            }
        }
        ObjectNode create = JSON.createObjectNode();
        create.put("appDId", appDId);
        create.put("appInstanceName", appDId + "-" + hostId);
        create.put("appInstanceDescription", "deployed in advance on " + hostId);
        JsonNode instance = meo.createAppInstance(create);
        String id = instance.path("id").asText();
        ObjectNode instantiate = JSON.createObjectNode();
        instantiate.putArray("selectedMECHostInfo").addObject().put("hostName", hostId).put("hostId", hostId);
        String opOcc = meo.instantiate(id, instantiate);
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            JsonNode op = meo.get(opOcc);
            String state = op.path("operationState").asText();
            if ("COMPLETED".equals(state)) {
                return meo.appInstance(id);
            }
            if ("FAILED".equals(state) || "FAILED_TEMP".equals(state)) {
                throw new IllegalStateException("instantiating " + appDId + " on " + hostId + " ended " + state
                        + ": " + op.path("error"));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("instantiation of " + id + " still " + state + " after 180 s");
            }
            pause(100);
        }
    }

    /**
     * The loopback endpoints the host's MEPM allocated to the instance ({@code mepm_mgmt/v1/app_instances/{id}},
     * found through the MEO's host inventory), name to URL.
     */
    JsonNode endpoints(String hostId, String appInstanceId) throws IOException {
        String mepm = meo.host(hostId).path("mepmApiRoot").asText();
        return meo.get(mepm + "/mepm_mgmt/v1/app_instances/" + appInstanceId).path("endpoints");
    }

    /** The host an instance runs on: MEC 010-2 {@code mecHostInformation.hostId} (or its name). */
    static String hostOf(JsonNode instance) {
        JsonNode h = instance.path("mecHostInformation");
        return h.hasNonNull("hostId") ? h.path("hostId").asText() : h.path("hostName").asText(null);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
