package org.edgeslice.meo.pkgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgeslice.meo.testing.TestPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where appPkgPath may point: files (optionally inside allowed directories) and loopback http URLs only. */
class PackageFetcherTest {

    @TempDir
    Path dir;

    @Test
    void aPackageIsFetchedFromALoopbackHttpServer() throws Exception {
        byte[] zip = TestPackages.zip("Definitions/appd.json", TestPackages.appD("http-1"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pkg.zip", ex -> {
            ex.sendResponseHeaders(200, zip.length);
            ex.getResponseBody().write(zip);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            assertArrayEquals(zip, new PackageFetcher(List.of()).fetch(url + "/pkg.zip"));
            assertTrue(assertThrows(InvalidPackageException.class, () -> new PackageFetcher(List.of()).fetch(url + "/none"))
                    .getMessage().contains("404"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyLoopbackHostsAndAllowedDirectoriesAreAccepted() throws Exception {
        PackageFetcher open = new PackageFetcher(List.of());
        assertThrows(IllegalArgumentException.class, () -> open.check("http://192.0.2.1/p.zip"));
        assertThrows(IllegalArgumentException.class, () -> open.check("http://example.org/p.zip"));
        assertThrows(IllegalArgumentException.class, () -> open.check("ftp://127.0.0.1/p.zip"));
        assertThrows(IllegalArgumentException.class, () -> open.check("relative/p.zip"));
        open.check("http://localhost:8080/p.zip");
        open.check("http://[::1]:8080/p.zip");
        Path inside = Files.write(dir.resolve("p.zip"), new byte[] {1});
        PackageFetcher restricted = new PackageFetcher(List.of(dir));
        assertArrayEquals(new byte[] {1}, restricted.fetch(inside.toString()));
        assertArrayEquals(new byte[] {1}, restricted.fetch(inside.toUri().toString()));
        assertThrows(IllegalArgumentException.class, () -> restricted.check("/etc/passwd"));
        assertThrows(InvalidPackageException.class, () -> open.fetch(dir.resolve("missing.zip").toString()));
    }
}
