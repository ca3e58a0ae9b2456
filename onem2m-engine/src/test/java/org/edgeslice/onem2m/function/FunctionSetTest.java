package org.edgeslice.onem2m.function;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.junit.jupiter.api.Test;

class FunctionSetTest {

    @Test
    void sliceParsingAlwaysAddsDataManagement() {
        FunctionSet s = FunctionSet.forSlice("registration, Retrieve");
        assertTrue(s.contains(CommonServiceFunction.DATA_MANAGEMENT));
        assertTrue(s.contains(CommonServiceFunction.RETRIEVE));
        assertEquals(false, s.contains(CommonServiceFunction.SUBSCRIPTION));
        assertThrows(IllegalArgumentException.class, () -> FunctionSet.forSlice("registration,teleport"));
    }

    @Test
    void retrieveOnASliceWithoutRetrieveIsNotImplemented() {
        try (Fixture f = new Fixture(FunctionSet.forSlice("registration"))) {
            f.registerAe("Cdev", "dev");
            assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE + "/dev", "Cdev", "{\"rn\":\"c\"}"));
            assertRsc(ResponseStatusCode.NOT_IMPLEMENTED, f.send(Request.retrieve(CSE + "/dev/c", "Cdev")));
        }
    }

    @Test
    void registrationOnASliceWithoutRegistrationIsNotImplemented() {
        try (Fixture f = new Fixture(FunctionSet.forSlice("retrieve"))) {
            assertRsc(ResponseStatusCode.NOT_IMPLEMENTED, f.send(Request.create(CSE, "C", 2,
                    body("m2m:ae", "{\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"))));
        }
    }

    @Test
    void subscriptionWithoutNotificationFunctionIsNotImplemented() {
        try (Fixture f = new Fixture(FunctionSet.forSlice("registration,subscription"))) {
            f.registerAe("Cdev", "dev");
            assertRsc(ResponseStatusCode.NOT_IMPLEMENTED, f.send(Request.create(CSE + "/dev", "Cdev", 23,
                    body("m2m:sub", "{\"nu\":[\"http://127.0.0.1:9/n\"]}"))));
            assertEquals(0, f.sender.bodies.size());
        }
    }

    @Test
    void heldFunctionNotServedOnThisEndpointIsOperationNotAllowed() {
        try (Fixture f = new Fixture(FunctionSet.all())) {
            f.registerAe("Cdev", "dev");
            FunctionSet registrationPort = FunctionSet.of(CommonServiceFunction.REGISTRATION,
                    CommonServiceFunction.DATA_MANAGEMENT);
            assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    f.engine.handle(Request.retrieve(CSE + "/dev", "Cdev"), registrationPort));
            assertRsc(ResponseStatusCode.CREATED, f.engine.handle(Request.create(CSE + "/dev", "Cdev", 3,
                    body("m2m:cnt", "{}")), registrationPort));
        }
    }
}
