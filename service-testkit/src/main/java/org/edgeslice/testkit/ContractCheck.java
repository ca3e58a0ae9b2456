package org.edgeslice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeslice.contract.openapi.OpenApiContract;

/** Asserts that a service serves exactly the OpenAPI contract we wrote for it. */
public final class ContractCheck {

    private ContractCheck() {
    }

    public static void assertServes(String serverRoot, String contextRoot, String contractName) {
        Http.Reply served = new Http(serverRoot).get("openapi", "application/json");
        assertEquals(200, served.status(), "GET /openapi");
        List<String> diffs = OpenApiContract.served(served.body(), contextRoot)
                .differencesFrom(OpenApiContract.ours(contractName));
        assertTrue(diffs.isEmpty(), "served /openapi differs from openapi/" + contractName + ".yaml:\n  "
                + String.join("\n  ", diffs) + "\n--- served ---\n" + served.body());
    }
}
