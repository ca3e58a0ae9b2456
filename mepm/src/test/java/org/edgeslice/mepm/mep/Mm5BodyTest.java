package org.edgeslice.mepm.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec011.AppPlatformConfig;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.support.json.Json;
import org.junit.jupiter.api.Test;

/** What the MEPM PUTs on Mm5 is what the MEC platform's strict reader accepts as AppPlatformConfig. */
class Mm5BodyTest {

    static final String APPD = """
            {"appDId":"d1","appName":"slice","appProvider":"edgeslice","appSoftVersion":"1","appDVersion":"1",
             "mecVersion":["3.1.1"],"appDescription":"x",
             "virtualComputeDescriptor":{"virtualComputeDescId":"v","virtualMemory":{"virtualMemSize":128},
               "virtualCpu":{"numVirtualCpu":1}},
             "swImageDescriptor":{"id":"i","name":"n","version":"1","containerFormat":"DOCKER","swImage":"127.0.0.1:5000/x:1"},
             "appTrafficRule":[{"trafficRuleId":"tr1","filterType":"FLOW","priority":1,
               "trafficFilter":[{"srcAddress":["10.0.0.0/24"],"dstPort":["62590"],"protocol":["TCP"],"tag":["t"],"qCI":5,"dSCP":10,"tC":1}],
               "action":"FORWARD_AS_IS","dstInterface":[{"interfaceType":"IP","dstIPAddress":"127.0.0.1"}]}],
             "appDNSRule":[{"dnsRuleId":"dns1","domainName":"slice.mec","ipAddressType":"IP_V4","ipAddress":"127.0.0.1","ttl":30}],
             "appServiceRequired":[{"serName":"timing","version":"1"}],
             "appServiceProduced":[{"serName":"onem2m-registration","version":"1"}]}
            """;

    @Test
    void theConfigurationBodyParsesAsTheMecPlatformsAppPlatformConfig() throws Exception {
        AppD appD = JsonHttp.READ.readValue(APPD, AppD.class);
        ObjectNode body = Mm5Client.configBody("i-1", appD, "i-1", "s3cret");
        AppPlatformConfig parsed = Json.mapper().readValue(Json.mapper().writeValueAsString(body), AppPlatformConfig.class);
        assertEquals("i-1", parsed.appInstanceId());
        assertEquals("s3cret", parsed.clientSecret());
        assertEquals("tr1", parsed.appTrafficRule().get(0).trafficRuleId());
        assertEquals(5, body.at("/appTrafficRule/0/trafficFilter/0/qCI").asInt(), body.toString());
        assertEquals("dns1", parsed.appDNSRule().get(0).dnsRuleId());
        assertEquals("onem2m-registration", parsed.appServiceProduced().get(0).get("serName"));
    }
}
