package org.edgeslice.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the kernel from handing out the MEPMs' host ports as ephemeral ports. The MEPM allocates an app's ports from
 * its range by checking which are free at that moment; the default ranges (40000 up) lie inside Linux's ephemeral
 * range (32768-60999), so a client socket or a {@code bind(0)} of any process (a standby slice's warm-up binds many)
 * could take a port between the allocation and the app's bind, and the app failed to start with "address in use".
 * Linux's {@code net.ipv4.ip_local_reserved_ports} takes ranges out of the ephemeral pool without affecting explicit
 * binds. Best effort: where the file is not writable (not root, a container) the system still starts, with the race.
 */
final class ReservedPorts {
    static final Path FILE = Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports");

    private ReservedPorts() {
    }

    /** Adds the ranges ({@code "40000-40499"}) to the reserved list; returns a notice when it could not. */
    static String reserve(List<String> ranges, Path file) {
        try {
            Set<String> all = new LinkedHashSet<>(parse(Files.readString(file)));
            int before = all.size();
            all.addAll(ranges);
            if (all.size() == before) {
                return null;
            }
            Files.writeString(file, String.join(",", all));
            return null;
        } catch (IOException | RuntimeException e) {
            return "mec: could not reserve the MEPM port ranges " + ranges + " from the kernel's ephemeral ports ("
                    + e.getMessage() + "); an app may rarely fail to bind a port another process took meanwhile";
        }
    }

    static List<String> parse(String content) {
        List<String> out = new ArrayList<>();
        for (String s : content.trim().split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
