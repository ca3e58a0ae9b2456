package org.edgeslice.cloud.issm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec010.pkgm.ServiceDescriptor;
import org.edgeslice.contract.mec010.pkgm.SwImageDescriptor;
import org.edgeslice.contract.mec010.pkgm.ChangeAppInstanceStateOpConfig;
import org.edgeslice.contract.mec010.pkgm.TerminateAppInstanceOpConfig;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.support.json.Json;

/**
 * Writes the AppD of a slice image and its ETSI application package (ETSI GS MEC 010-2 clause 6.2.1.2; the CSAR
 * layout of ETSI GS NFV-SOL 004: {@code TOSCA-Metadata/TOSCA.meta} whose Entry-Definitions names the AppD file).
 */
public final class AppPackageWriter {

    /** Ports the slice listens on in its container (SliceConfig defaults): the MEPM allocates host ports. */
    static final Map<String, Integer> SLICE_PORTS = Map.of("http", 62589, "registration", 62590, "retrieve", 62591,
            "subscription", 62592, "notification", 62593);

    private AppPackageWriter() {
    }

    /** A written package. */
    public record Package(String name, AppD appD, byte[] zip, String sha256) {
    }

    /**
     * @param version a short content version (artifacts digest prefix): a slice built from other artifacts is
     *                another package
     */
    public static Package write(FunctionSelection functions, String imageReference, String version) {
        String tag = functions.tag();
        String appDId = "iot-slice-" + tag + "-" + version;
        List<ServiceDescriptor> produced = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("http", SLICE_PORTS.get("http"));
        for (CommonServiceFunction f : functions.functions()) {
            if (f == CommonServiceFunction.DATA_MANAGEMENT) {
                continue;
            }
            produced.add(new ServiceDescriptor("onem2m-" + f.configName(), null, "3", null));
            ports.put(f.configName(), SLICE_PORTS.get(f.configName()));
        }
        VirtualComputeDescriptor compute = new VirtualComputeDescriptor("iot-slice-compute", null, null, null,
                new VirtualComputeDescriptor.VirtualMemory(128.0, null, null, null),
                new VirtualComputeDescriptor.VirtualCpu(null, 1, null, null, Map.of("cpuMillis", "100"), null),
                null);
        SwImageDescriptor image = new SwImageDescriptor("iot-slice-" + tag + "-image", "iot-slice-" + tag, version,
                null, "DOCKER", null, null, 128L, null, imageReference, "linux", List.of("docker"));
        AppD appD = new AppD(appDId, "iot-slice-" + tag, "edgeslice", "0.1.0", version, List.of("3.1.1"),
                "iot-slice-" + tag,
                "IoT slice: a oneM2M MN-CSE holding only the common service functions "
                        + functions.sliceFunctionsValue() + " (and data management)",
                compute, image, null, null, null, null, produced, null, null, null, null, null, null,
                new TerminateAppInstanceOpConfig(2, 10, null),
                // the slice implements the standby start (MEC_STANDBY_PORT): a MEPM may keep one warmed up; and a
                // slice that died unasked (a crash, the host's engine restarted) is started again on its data
                // directory: its write-ahead log holds the edge data, and its tasks stay offloaded to it
                new ChangeAppInstanceStateOpConfig(null, null, Map.of("standbyStart", true, "restartOnFailure", true)),
                ports);
        try {
            String appDFile = "Definitions/" + appDId + ".json";
            byte[] appDJson = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(appD);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("TOSCA-Metadata/TOSCA.meta"));
                zip.write(("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: EdgeSlice ISSM\n"
                        + "Entry-Definitions: " + appDFile + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(appDFile));
                zip.write(appDJson);
                zip.closeEntry();
            }
            byte[] bytes = out.toByteArray();
            return new Package(appDId, appD, bytes, sha256(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
