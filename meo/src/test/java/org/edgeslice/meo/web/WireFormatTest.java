package org.edgeslice.meo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.edgeslice.contract.mec010.lcm.CancelMode;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.contract.mec010.lcm.StopType;
import org.edgeslice.contract.mec010.pkgm.AppPkgInfoModifications;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscription;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionType;
import org.edgeslice.support.json.Json;
import org.junit.jupiter.api.Test;

/** The MEC 010-2 spellings the MEO accepts and emits, through the strict mapper the server uses. */
class WireFormatTest {

    @Test
    void bothSpellingsOfThePatchAttributeAreAcceptedAndTheV3OneIsEmitted() throws Exception {
        assertEquals(AppPkgOperationalState.DISABLED, Json.mapper().readValue("{\"operationState\": \"DISABLED\"}",
                AppPkgInfoModifications.class).operationalState());
        AppPkgInfoModifications m = Json.mapper().readValue("{\"operationalState\": \"ENABLED\"}", AppPkgInfoModifications.class);
        assertEquals(AppPkgOperationalState.ENABLED, m.operationalState());
        assertEquals("{\"operationalState\":\"ENABLED\"}", Json.mapper().writeValueAsString(m));
        assertThrows(JsonMappingException.class, () -> Json.mapper().readValue("{\"state\": \"ENABLED\"}", AppPkgInfoModifications.class));
    }

    @Test
    void cancelModeInBothCases() throws Exception {
        assertEquals(StopType.GRACEFUL, Json.mapper().readValue("{\"cancelMode\": \"GRACEFUL\"}", CancelMode.class).cancelMode());
        assertEquals(StopType.FORCEFUL, Json.mapper().readValue("{\"CancelMode\": \"FORCEFUL\"}", CancelMode.class).cancelMode());
    }

    @Test
    void packageSubscriptionsAcceptTheMisspeltAttributeAndV2Values() throws Exception {
        AppPkgSubscription s = Json.mapper().readValue("{\"callbackUri\": \"http://127.0.0.1/x\", "
                + "\"subsctiptionType\": \"AppPackageOnBoarding\"}", AppPkgSubscription.class);
        assertEquals(AppPkgSubscriptionType.AppPackageOnBoardingSubscription, s.subscriptionType());
    }

    @Test
    void lcmSubscriptionBodiesAreToldApartBySubscriptionType() throws Exception {
        LcmSubscriptionRequest r = Json.mapper().readValue("{\"subscriptionType\": \"AppLcmOpOccStateChange\", "
                + "\"callbackUri\": \"http://127.0.0.1/x\"}", LcmSubscriptionRequest.class);
        assertInstanceOf(LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest.class, r);
        assertEquals(LcmSubscriptionType.AppLcmOpOccStateChangeSubscription, r.subscriptionType());
        assertThrows(JsonMappingException.class, () -> Json.mapper().readValue("{\"subscriptionType\": "
                + "\"AppInstanceStateChangeSubscription\", \"callbackUri\": \"x\", \"operationStates\": []}", LcmSubscriptionRequest.class));
    }

    @Test
    void lcmOperationIsEmittedWithTheStandardsTypoAndHostIdsComeInTwoShapes() throws Exception {
        assertEquals("\"INSTATIATE\"", Json.mapper().writeValueAsString(LcmOperation.INSTANTIATE));
        assertEquals(LcmOperation.INSTANTIATE, Json.mapper().readValue("\"INSTANTIATE\"", LcmOperation.class));
        InstantiateAppRequest r = Json.mapper().readValue("{\"selectedMECHostInfo\": [{\"hostId\": {\"id\": \"h1\"}}, "
                + "{\"hostId\": \"h2\", \"hostName\": \"n\"}]}", InstantiateAppRequest.class);
        assertEquals("h1", r.selectedMECHostInfo().get(0).hostId());
        assertEquals("h2", r.selectedMECHostInfo().get(1).hostId());
        assertTrue(Json.mapper().writeValueAsString(r).contains("{\"hostId\":\"h2\",\"hostName\":\"n\"}"));
    }
}
