package org.edgeslice.cloud.issm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionSelectionTest {

    @Test
    void tagIsCanonicalWhateverTheRequestOrder() {
        FunctionSelection a = FunctionSelection.parse(List.of("notification", "registration", "Subscription", "retrieve"));
        assertEquals("reg-ret-sub-not", a.tag());
        assertEquals("registration,retrieve,subscription,notification", a.sliceFunctionsValue());
        assertEquals(List.of("registration", "retrieve", "subscription", "notification", "data-management"), a.names());
        assertEquals(a, FunctionSelection.fromTag("reg-ret-sub-not"));
    }

    @Test
    void dataManagementIsAlwaysHeld() {
        FunctionSelection dm = FunctionSelection.parse(List.of());
        assertEquals("dm", dm.tag());
        assertEquals(List.of("data-management"), dm.names());
        assertEquals(dm, FunctionSelection.parse(List.of("data-management")));
    }

    @Test
    void unknownFunctionsAndTagsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FunctionSelection.parse(List.of("teleport")));
        assertThrows(IllegalArgumentException.class, () -> FunctionSelection.parse(List.of("group-management")),
                "groups belong to the cloud IN-CSE, not to slices");
        assertNull(FunctionSelection.fromTag("latest"));
    }
}
