package org.edgeslice.mep.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CallbackReferencesTest {

    @Test
    void loopbackHttpCallbacksAreAccepted() {
        for (String ok : new String[] {"http://127.0.0.1:8080/cb", "https://localhost/cb", "http://[::1]:9/x",
                "http://127.8.9.10/"}) {
            assertEquals(ok, CallbackReferences.validate(ok, true));
        }
        assertEquals("http://192.0.2.1/cb", CallbackReferences.validate("http://192.0.2.1/cb", false));
    }

    @Test
    void othersAre400() {
        for (String bad : new String[] {null, "", "relative/path", "ftp://127.0.0.1/x", "http://192.0.2.1/cb",
                "http://127.0.0.1.evil.example/", "not a uri", "http:///nohost"}) {
            assertEquals(400, assertThrows(ProblemException.class, () -> CallbackReferences.validate(bad, true))
                    .status(), String.valueOf(bad));
        }
    }
}
