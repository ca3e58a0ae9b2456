package org.edgeslice.meo.pkgm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Fetches a package file named by {@code appPkgPath}: a {@code file:} URI or an absolute path (inside the
 * allowed directories, if configured), or an http(s) URL on a loopback address (the system talks to
 * 127.0.0.1 only).
 */
public class PackageFetcher {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final long MAX = 512L * 1024 * 1024;

    private final List<Path> allowedDirs;

    public PackageFetcher(List<Path> allowedDirs) {
        this.allowedDirs = allowedDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Rejects a path that can never be fetched, before anything is created. */
    public void check(String appPkgPath) {
        URI uri = uri(appPkgPath);
        if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            if (uri.getHost() == null || !isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("appPkgPath: only loopback http(s) URLs are fetched, not " + uri.getHost());
            }
        } else if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri).toAbsolutePath().normalize();
            if (!allowedDirs.isEmpty() && allowedDirs.stream().noneMatch(p::startsWith)) {
                throw new IllegalArgumentException("appPkgPath: " + p + " is outside the allowed package directories");
            }
        } else {
            throw new IllegalArgumentException("appPkgPath: scheme '" + uri.getScheme() + "' is not supported (file, http, https)");
        }
    }

    public byte[] fetch(String appPkgPath) {
        check(appPkgPath);
        URI uri = uri(appPkgPath);
        try {
            if ("file".equals(uri.getScheme())) {
                Path p = Path.of(uri);
                if (!Files.isRegularFile(p)) {
                    throw new InvalidPackageException("appPkgPath: no such file " + p);
                }
                if (Files.size(p) > MAX) {
                    throw new InvalidPackageException("appPkgPath: file larger than " + MAX + " bytes");
                }
                return Files.readAllBytes(p);
            }
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new InvalidPackageException("appPkgPath: GET " + uri + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new InvalidPackageException("appPkgPath: cannot read " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidPackageException("appPkgPath: interrupted while reading " + uri);
        }
    }

    private static URI uri(String appPkgPath) {
        if (appPkgPath.startsWith("/")) {
            return Path.of(appPkgPath).toUri();
        }
        try {
            URI u = URI.create(appPkgPath);
            if (u.getScheme() == null) {
                throw new IllegalArgumentException("appPkgPath must be an absolute path or a file/http(s) URI");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("appPkgPath is not a URI: " + e.getMessage());
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost")) {
            return true;
        }
        try {
            // literal addresses only: no name resolution that could leave loopback
            if (h.matches("[0-9.]+") || h.contains(":")) {
                return InetAddress.getByName(h).isLoopbackAddress();
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
