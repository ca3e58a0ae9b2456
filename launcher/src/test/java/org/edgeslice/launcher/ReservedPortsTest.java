package org.edgeslice.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReservedPortsTest {

    @TempDir
    Path dir;

    @Test
    void theHostsRangesAreAddedToWhatIsReservedAlreadyOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("ip_local_reserved_ports"), "8080,9000-9010\n");
        assertNull(ReservedPorts.reserve(List.of("40000-40499", "41000-41499"), file));
        assertEquals("8080,9000-9010,40000-40499,41000-41499", Files.readString(file));
        assertNull(ReservedPorts.reserve(List.of("40000-40499"), file));
        assertEquals("8080,9000-9010,40000-40499,41000-41499", Files.readString(file), "a second up adds nothing");
    }

    @Test
    void anEmptyListTakesTheRanges() throws Exception {
        Path file = Files.writeString(dir.resolve("ip_local_reserved_ports"), "\n");
        assertNull(ReservedPorts.reserve(List.of("48000-48499"), file));
        assertEquals("48000-48499", Files.readString(file));
    }

    @Test
    void whereTheFileCannotBeWrittenTheStartGoesOnWithANotice() {
        assertNotNull(ReservedPorts.reserve(List.of("40000-40499"), dir.resolve("missing/ip_local_reserved_ports")));
    }
}
