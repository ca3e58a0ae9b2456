package org.edgeslice.meo.pkgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.meo.testing.TestPackages;
import org.junit.jupiter.api.Test;

/** Reading and validating ETSI application packages. */
class PackageArchiveTest {

    @Test
    void aJsonAppDPackageIsReadWithItsImageAndArtifacts() {
        PackageArchive.Contents c = PackageArchive.read(TestPackages.zip("Definitions/appd.json", TestPackages.appD("a1")));
        assertEquals("a1", c.appD().appDId());
        assertEquals("127.0.0.1:5000/edgeslice/iot-slice:0.1.0", c.softwareImages().get(0).imagePath());
        assertEquals(250, c.appD().virtualComputeDescriptor().cpuMillis());
        assertEquals(1, c.artifacts().size());
        assertEquals("Artifacts/README.txt", c.artifacts().get(0).artifactPath());
    }

    @Test
    void aYamlAppDIsAcceptedToo() {
        String yaml = """
                appDId: y1
                appName: yaml-app
                appProvider: edgeslice
                appSoftVersion: 1.0
                appDVersion: 2
                mecVersion: ["3.1.1"]
                appDescription: from YAML
                virtualComputeDescriptor:
                  virtualComputeDescId: v
                  virtualCpu: {numVirtualCpu: 1}
                  virtualMemory: {virtualMemSize: 64}
                swImageDescriptor: {id: i, name: n, version: "1", containerFormat: DOCKER, swImage: "img:1"}
                """;
        PackageArchive.Contents c = PackageArchive.read(TestPackages.zip("Definitions/appd.yaml", yaml));
        assertEquals("y1", c.appD().appDId());
        assertEquals(1000, c.appD().virtualComputeDescriptor().cpuMillis());
    }

    @Test
    void theChecksumMustMatch() {
        byte[] zip = TestPackages.zip("Definitions/appd.json", TestPackages.appD("a1"));
        PackageArchive.verifyChecksum(zip, new Checksum("SHA-256", TestPackages.sha256(zip).toUpperCase()));
        InvalidPackageException e = assertThrows(InvalidPackageException.class,
                () -> PackageArchive.verifyChecksum(zip, new Checksum("SHA-256", "00")));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertThrows(InvalidPackageException.class, () -> PackageArchive.verifyChecksum(zip, new Checksum("CRC-7", "00")));
    }

    @Test
    void aZipWithoutToscaMetaOrEntryIsRejected() {
        assertTrue(assertThrows(InvalidPackageException.class, () -> PackageArchive.read(TestPackages.zip(
                Map.of("appd.json", "{}".getBytes(StandardCharsets.UTF_8))))).getMessage().contains("TOSCA.meta"));
        assertTrue(assertThrows(InvalidPackageException.class, () -> PackageArchive.read(TestPackages.zip(
                Map.of("TOSCA-Metadata/TOSCA.meta", "Entry-Definitions: missing.json".getBytes(StandardCharsets.UTF_8)))))
                .getMessage().contains("missing.json"));
        assertTrue(assertThrows(InvalidPackageException.class, () -> PackageArchive.read("not a zip".getBytes(
                StandardCharsets.UTF_8))).getMessage().contains("zip"));
    }

    @Test
    void everyAppDProblemIsReportedAtOnce() {
        String bad = TestPackages.appD("a1").replace("\"appName\": \"iot-slice\",", "")
                .replace("\"swImage\": \"127.0.0.1:5000/edgeslice/iot-slice:0.1.0\"", "\"swImage\": \"\"")
                .replace("\"priority\": 1", "\"priority\": 300")
                .replace("\"minGracefulTerminationTimeout\": 1", "\"minGracefulTerminationTimeout\": 100");
        String msg = assertThrows(InvalidPackageException.class, () -> PackageArchive.read(
                TestPackages.zip("Definitions/appd.json", bad))).getMessage();
        for (String expected : new String[] {"appName is required", "swImageDescriptor.swImage", "priority must be 0..255",
                "terminateAppInstanceOpConfig"}) {
            assertTrue(msg.contains(expected), expected + " in: " + msg);
        }
    }

    @Test
    void anUnknownAppDAttributeIsNamed() {
        String bad = TestPackages.appD("a1").replace("\"appName\"", "\"appNmae\"");
        String msg = assertThrows(InvalidPackageException.class, () -> PackageArchive.read(
                TestPackages.zip("Definitions/appd.json", bad))).getMessage();
        assertTrue(msg.contains("appNmae"), msg);
    }
}
