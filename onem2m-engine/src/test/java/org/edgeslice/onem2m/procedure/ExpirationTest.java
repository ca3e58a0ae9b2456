package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.request.Request;
import org.junit.jupiter.api.Test;

class ExpirationTest {

    @Test
    void expirationInThePastIsBadRequest() {
        try (Fixture f = new Fixture()) {
            f.registerAe("Cdev", "dev");
            assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(CSE + "/dev", "Cdev",
                    "{\"et\":\"20200101T000000\"}"));
            assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(CSE + "/dev", "Cdev", "{\"et\":\"tomorrow\"}"));
        }
    }

    @Test
    void expiredResourceDisappearsAndHousekeepingRemovesItsSubtree() throws Exception {
        try (Fixture f = new Fixture()) {
            f.registerAe("Cdev", "dev");
            String et = Timestamps.format(Instant.now().plusSeconds(3)); // room for a stall before the instance
            assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE + "/dev", "Cdev",
                    "{\"rn\":\"short\",\"et\":\"" + et + "\"}"));
            f.createInstance(CSE + "/dev/short", "Cdev", "x");
            int before = f.store.size();
            Thread.sleep(4100);
            assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(CSE + "/dev/short", "Cdev")));
            assertTrue(f.engine.sweepExpired() >= 1);
            assertEquals(before - 2, f.store.size());
        }
    }
}
