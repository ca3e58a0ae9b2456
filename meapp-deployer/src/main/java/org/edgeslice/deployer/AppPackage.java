package org.edgeslice.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An application package in the ETSI layout (ETSI GS MEC 010-2 clause 6.2.2 package, as for NFV SOL 004 CSARs):
 * {@code TOSCA-Metadata/TOSCA.meta} whose {@code Entry-Definitions} names the AppD file.
 */
record AppPackage(JsonNode appD, byte[] zip, String sha256) {

    static AppPackage of(JsonNode appD) throws IOException {
        String file = "Definitions/" + appD.path("appDId").asText() + ".json";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("TOSCA-Metadata/TOSCA.meta"));
            zip.write(("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: EdgeSlice meapp-deployer\n"
                    + "Entry-Definitions: " + file + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(file));
            zip.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(appD));
            zip.closeEntry();
        }
        byte[] bytes = out.toByteArray();
        return new AppPackage(appD, bytes, sha256(bytes));
    }

    String appDId() {
        return appD.path("appDId").asText();
    }

    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(appDId() + ".zip");
        Files.write(file, zip);
        return file;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
