package org.edgeslice.mepm.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageRefTest {

    @Test
    void theRegistryPortIsNotATag() {
        ImageRef r = ImageRef.parse("127.0.0.1:5000/edgeslice/iot-slice:0.1.0");
        assertEquals("127.0.0.1:5000/edgeslice/iot-slice", r.repository());
        assertEquals("0.1.0", r.tag());
        assertEquals("edgeslice/iot-slice", r.path());
    }

    @Test
    void noTagMeansLatestAndNoRegistryKeepsThePath() {
        ImageRef r = ImageRef.parse("127.0.0.1:5000/hello");
        assertEquals("latest", r.tag());
        assertEquals("hello", r.path());
        assertEquals("edgeslice/jre17", ImageRef.parse("edgeslice/jre17:1").path());
        assertEquals("localhost", ImageRef.parse("localhost:5000/x").repository().substring(0, 9));
    }
}
