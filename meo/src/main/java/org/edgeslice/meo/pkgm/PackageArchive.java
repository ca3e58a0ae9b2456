package org.edgeslice.meo.pkgm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec010.pkgm.AppPkgArtifactInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgSwImageInfo;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.contract.mec010.pkgm.SwImageDescriptor;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.edgeslice.support.json.Json;

/**
 * Reads an application package file: a zip in the ETSI (TOSCA CSAR) layout, {@code TOSCA-Metadata/TOSCA.meta}
 * whose {@code Entry-Definitions} names the AppD file (JSON, or YAML by extension .yaml/.yml), plus optional
 * artifacts. Verifies the declared checksum and validates the AppD; every problem found is reported at once.
 */
public final class PackageArchive {

    static final String TOSCA_META = "TOSCA-Metadata/TOSCA.meta";
    private static final long MAX_ENTRY = 64L * 1024 * 1024;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PackageArchive() {
    }

    /** What onboarding learns from a valid package. */
    public record Contents(AppD appD, String appDFileName, String appDFile, List<AppPkgSwImageInfo> softwareImages,
                           List<AppPkgArtifactInfo> artifacts) {
    }

    public static void verifyChecksum(byte[] zip, Checksum checksum) {
        if (checksum == null || checksum.algorithm() == null || checksum.hash() == null) {
            throw new InvalidPackageException("the package has no checksum to verify");
        }
        String actual = hash(zip, checksum.algorithm());
        if (!actual.equalsIgnoreCase(checksum.hash().trim())) {
            throw new InvalidPackageException("checksum mismatch: " + checksum.algorithm() + " of the package file is "
                    + actual + ", declared " + checksum.hash());
        }
    }

    public static String hash(byte[] data, String algorithm) {
        String a = algorithm.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        if (a.matches("SHA\\d+")) {
            a = "SHA-" + a.substring(3);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(a).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new InvalidPackageException("unsupported checksum algorithm '" + algorithm
                    + "' (use SHA-256, SHA-512, SHA-1 or MD5)");
        }
    }

    public static Contents read(byte[] zip) {
        Map<String, byte[]> entries = unzip(zip);
        byte[] meta = entries.get(TOSCA_META);
        if (meta == null) {
            throw new InvalidPackageException("not an ETSI application package: no " + TOSCA_META + " (entries: "
                    + String.join(", ", entries.keySet()) + ")");
        }
        String entry = null;
        for (String line : new String(meta, StandardCharsets.UTF_8).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Entry-Definitions")) {
                entry = line.substring(colon + 1).trim();
            }
        }
        if (entry == null || entry.isEmpty()) {
            throw new InvalidPackageException(TOSCA_META + " has no Entry-Definitions naming the AppD file");
        }
        byte[] appDBytes = entries.get(entry);
        if (appDBytes == null) {
            throw new InvalidPackageException("Entry-Definitions names '" + entry + "', which is not in the package");
        }
        String appDText = new String(appDBytes, StandardCharsets.UTF_8);
        AppD appD = parseAppD(entry, appDText);
        validate(appD);
        List<AppPkgArtifactInfo> artifacts = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals(TOSCA_META) && !e.getKey().equals(entry)) {
                artifacts.add(new AppPkgArtifactInfo(e.getKey(), new Checksum("SHA-256", hash(e.getValue(), "SHA-256"))));
            }
        }
        SwImageDescriptor sw = appD.swImageDescriptor();
        AppPkgSwImageInfo image = new AppPkgSwImageInfo(
                sw.id() == null ? appD.appDId() + "-image" : sw.id(),
                sw.name() == null ? appD.appName() : sw.name(),
                appD.appProvider(),
                sw.version() == null ? appD.appSoftVersion() : sw.version(),
                sw.checksum(),
                sw.containerFormat() == null ? "DOCKER" : sw.containerFormat(),
                sw.diskFormat(), sw.size(), sw.swImage());
        return new Contents(appD, entry, appDText, List.of(image), artifacts);
    }

    static AppD parseAppD(String fileName, String text) {
        boolean yaml = fileName.toLowerCase(Locale.ROOT).endsWith(".yaml") || fileName.toLowerCase(Locale.ROOT).endsWith(".yml");
        try {
            return (yaml ? YAML : Json.mapper()).readValue(text, AppD.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPackageException("AppD " + fileName + ": unknown attribute '" + e.getPropertyName()
                    + "' at " + e.getPathReference());
        } catch (JsonProcessingException e) {
            throw new InvalidPackageException("AppD " + fileName + " is not a valid " + (yaml ? "YAML" : "JSON")
                    + " AppD: " + e.getOriginalMessage());
        }
    }

    /** ETSI GS MEC 010-2 clause 6.2.1.2 attribute rules, plus what the MEO needs to place and run the app. */
    public static void validate(AppD d) {
        List<String> errors = new ArrayList<>();
        required(errors, d.appDId(), "appDId");
        required(errors, d.appName(), "appName");
        required(errors, d.appProvider(), "appProvider");
        required(errors, d.appSoftVersion(), "appSoftVersion");
        required(errors, d.appDVersion(), "appDVersion");
        required(errors, d.appDescription(), "appDescription");
        if (d.mecVersion() == null || d.mecVersion().isEmpty() || d.mecVersion().stream().anyMatch(v -> v == null || v.isBlank())) {
            errors.add("mecVersion must list at least one version");
        }
        VirtualComputeDescriptor vc = d.virtualComputeDescriptor();
        if (vc == null) {
            errors.add("virtualComputeDescriptor is required");
        } else {
            if (vc.virtualCpu() == null) {
                errors.add("virtualComputeDescriptor.virtualCpu is required");
            } else {
                try {
                    if (vc.cpuMillis() <= 0) {
                        errors.add("virtualComputeDescriptor.virtualCpu: numVirtualCpu or vduCpuRequirements.cpuMillis must be > 0");
                    }
                } catch (NumberFormatException e) {
                    errors.add("virtualComputeDescriptor.virtualCpu.vduCpuRequirements.cpuMillis is not a number");
                }
            }
            if (vc.virtualMemory() == null || vc.virtualMemory().virtualMemSize() == null || vc.virtualMemory().virtualMemSize() <= 0) {
                errors.add("virtualComputeDescriptor.virtualMemory.virtualMemSize (MB) must be > 0");
            }
        }
        SwImageDescriptor sw = d.swImageDescriptor();
        if (sw == null) {
            errors.add("swImageDescriptor is required");
        } else {
            required(errors, sw.swImage(), "swImageDescriptor.swImage (the container image reference)");
            if (sw.swImage() != null && sw.swImage().chars().anyMatch(Character::isWhitespace)) {
                errors.add("swImageDescriptor.swImage is not an image reference: '" + sw.swImage() + "'");
            }
            if (sw.containerFormat() != null && !Set.of("DOCKER", "OCI").contains(sw.containerFormat().toUpperCase(Locale.ROOT))) {
                errors.add("swImageDescriptor.containerFormat '" + sw.containerFormat() + "' is not a container format (DOCKER, OCI)");
            }
        }
        each(d.appServiceRequired(), (s, i) -> {
            required(errors, s.serName(), "appServiceRequired[" + i + "].serName");
            required(errors, s.version(), "appServiceRequired[" + i + "].version");
        });
        each(d.appServiceOptional(), (s, i) -> {
            required(errors, s.serName(), "appServiceOptional[" + i + "].serName");
            required(errors, s.version(), "appServiceOptional[" + i + "].version");
        });
        each(d.appServiceProduced(), (s, i) -> {
            required(errors, s.serName(), "appServiceProduced[" + i + "].serName");
            required(errors, s.version(), "appServiceProduced[" + i + "].version");
        });
        Set<String> ruleIds = new HashSet<>();
        each(d.appTrafficRule(), (r, i) -> {
            String p = "appTrafficRule[" + i + "]";
            required(errors, r.trafficRuleId(), p + ".trafficRuleId");
            if (r.trafficRuleId() != null && !ruleIds.add(r.trafficRuleId())) {
                errors.add(p + ".trafficRuleId '" + r.trafficRuleId() + "' is not unique");
            }
            if (r.filterType() == null) {
                errors.add(p + ".filterType is required");
            }
            if (r.priority() == null || r.priority() < 0 || r.priority() > 255) {
                errors.add(p + ".priority must be 0..255");
            }
            if (r.trafficFilter() == null || r.trafficFilter().isEmpty()) {
                errors.add(p + ".trafficFilter must have at least one filter");
            }
            if (r.action() == null) {
                errors.add(p + ".action is required");
            }
        });
        Set<String> dnsIds = new HashSet<>();
        each(d.appDNSRule(), (r, i) -> {
            String p = "appDNSRule[" + i + "]";
            required(errors, r.dnsRuleId(), p + ".dnsRuleId");
            if (r.dnsRuleId() != null && !dnsIds.add(r.dnsRuleId())) {
                errors.add(p + ".dnsRuleId '" + r.dnsRuleId() + "' is not unique");
            }
            required(errors, r.domainName(), p + ".domainName");
            if (r.ipAddressType() == null) {
                errors.add(p + ".ipAddressType is required");
            }
            required(errors, r.ipAddress(), p + ".ipAddress");
            if (r.ttl() != null && r.ttl() < 0) {
                errors.add(p + ".ttl must be >= 0");
            }
        });
        if (d.appLatency() != null && (d.appLatency().maxLatency() == null || d.appLatency().maxLatency() <= 0)) {
            errors.add("appLatency.maxLatency (ms) must be > 0");
        }
        if (d.terminateAppInstanceOpConfig() != null) {
            bounds(errors, "terminateAppInstanceOpConfig", d.terminateAppInstanceOpConfig().minGracefulTerminationTimeout(),
                    d.terminateAppInstanceOpConfig().maxRecommendedGracefulTerminationTimeout());
        }
        if (d.changeAppInstanceStateOpConfig() != null) {
            bounds(errors, "changeAppInstanceStateOpConfig", d.changeAppInstanceStateOpConfig().minGracefulStopTimeout(),
                    d.changeAppInstanceStateOpConfig().maxRecommendedGracefulStopTimeout());
        }
        if (d.appPorts() != null) {
            d.appPorts().forEach((name, port) -> {
                if (port == null || port < 1 || port > 65535) {
                    errors.add("appPorts." + name + " must be a port number 1..65535");
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidPackageException("invalid AppD: " + String.join("; ", errors));
        }
    }

    /** A zip with the TOSCA meta file and the AppD file alone (the appd resource as application/zip). */
    public static byte[] appDZip(String appDFileName, String appDFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(TOSCA_META));
            zip.write(("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: EdgeSlice MEO\nEntry-Definitions: "
                    + appDFileName + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(appDFileName));
            zip.write(appDFile.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void bounds(List<String> errors, String name, Integer min, Integer max) {
        if (min != null && min < 0) {
            errors.add(name + ": the minimum timeout must be >= 0");
        }
        if (max != null && max < 0) {
            errors.add(name + ": the recommended maximum timeout must be >= 0");
        }
        if (min != null && max != null && min > max) {
            errors.add(name + ": minimum " + min + " s exceeds the recommended maximum " + max + " s");
        }
    }

    private static void required(List<String> errors, String value, String name) {
        if (value == null || value.isBlank()) {
            errors.add(name + " is required");
        }
    }

    private interface Indexed<T> {
        void accept(T item, int index);
    }

    private static <T> void each(List<T> items, Indexed<T> check) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                check.accept(items.get(i), i);
            }
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (name.startsWith("/") || name.contains("..")) {
                    throw new InvalidPackageException("unsafe entry name in the package: " + name);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_ENTRY) {
                        throw new InvalidPackageException("package entry too large: " + name);
                    }
                    out.write(buf, 0, n);
                }
                entries.put(name, out.toByteArray());
            }
        } catch (IOException e) {
            throw new InvalidPackageException("the package file is not a readable zip: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InvalidPackageException("the package file is not a zip archive (or is empty)");
        }
        return entries;
    }

    static String names(Map<String, byte[]> entries) {
        return entries.keySet().stream().collect(Collectors.joining(", "));
    }
}
