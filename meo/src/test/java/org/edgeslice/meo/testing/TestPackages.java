package org.edgeslice.meo.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.edgeslice.meo.pkgm.PackageArchive;

/** Builds application package files (ETSI layout zips) for tests and the benchmark. */
public final class TestPackages {

    private TestPackages() {
    }

    /** A complete JSON AppD exercising every attribute the MEO validates. */
    public static String appD(String appDId, String image, int cpuMillis, int memoryMb, Integer maxLatencyMs) {
        return """
                {
                  "appDId": "%s",
                  "appName": "iot-slice",
                  "appProvider": "edgeslice",
                  "appSoftVersion": "0.1.0",
                  "appDVersion": "1.0",
                  "mecVersion": ["3.1.1"],
                  "appInfoName": "IoT slice (MN-CSE)",
                  "appDescription": "oneM2M MN-CSE slice with the selected common service functions",
                  "virtualComputeDescriptor": {
                    "virtualComputeDescId": "vcd-1",
                    "virtualCpu": {"numVirtualCpu": 1, "vduCpuRequirements": {"cpuMillis": "%d"}},
                    "virtualMemory": {"virtualMemSize": %d}
                  },
                  "swImageDescriptor": {
                    "id": "img-1", "name": "iot-slice", "version": "0.1.0",
                    "containerFormat": "DOCKER", "swImage": "%s"
                  },
                  "appServiceRequired": [{"serName": "mec-timing", "version": "1.0"}],
                  "appServiceProduced": [{"serName": "iot-slice-registration", "version": "1.0",
                    "transportsSupported": [{"transport": {"protocol": "HTTP", "type": "REST_HTTP", "version": "1.1"},
                                             "serializers": ["JSON"]}]}],
                  "appTrafficRule": [{"trafficRuleId": "tr-1", "filterType": "FLOW", "priority": 1, "action": "FORWARD_DECAPSULATED",
                    "trafficFilter": [{"dstPort": ["62590"], "protocol": ["TCP"]}]}],
                  "appDNSRule": [{"dnsRuleId": "dns-1", "domainName": "slice.mec.local", "ipAddressType": "IP_V4",
                    "ipAddress": "127.0.0.1", "ttl": 60}],
                  %s
                  "terminateAppInstanceOpConfig": {"minGracefulTerminationTimeout": 1, "maxRecommendedGracefulTerminationTimeout": 10},
                  "changeAppInstanceStateOpConfig": {"minGracefulStopTimeout": 1, "maxRecommendedGracefulStopTimeout": 10},
                  "appPorts": {"registration": 62590}
                }
                """.formatted(appDId, cpuMillis, memoryMb, image,
                maxLatencyMs == null ? "" : "\"appLatency\": {\"maxLatency\": " + maxLatencyMs + "},");
    }

    public static String appD(String appDId) {
        return appD(appDId, "127.0.0.1:5000/edgeslice/iot-slice:0.1.0", 250, 128, 20);
    }

    public static byte[] zip(String appDFileName, String appDText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("TOSCA-Metadata/TOSCA.meta", ("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: test\n"
                + "Entry-Definitions: " + appDFileName + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(appDFileName, appDText.getBytes(StandardCharsets.UTF_8));
        files.put("Artifacts/README.txt", "artifact".getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] data) {
        return PackageArchive.hash(data, "SHA-256");
    }
}
