package org.edgeslice.onem2m.acp;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** accessControlContexts ({@code acco}): a rule applies only in its time windows and from its addresses. */
class AccessControlContextsTest {
    private static final String DATA = CSE + "/owner/data";
    private final Fixture f = new Fixture();
    private int policies;

    @BeforeEach
    void setUp() {
        f.registerAe("Cowner", "owner");
        f.registerAe("Creader", "reader");
        f.createContainer(CSE + "/owner", "Cowner", "{\"rn\":\"data\"}");
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Creates a policy granting Creader RETRIEVE in the given contexts, and puts it on the container. */
    private Response protect(String acco) {
        String rn = "p" + policies++;
        Response r = f.send(Request.create(CSE + "/owner", "Cowner", 1, body("m2m:acp",
                "{\"rn\":\"" + rn + "\",\"pv\":{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acco\":" + acco
                        + "}]},\"pvs\":{\"acr\":[{\"acor\":[\"Cowner\"],\"acop\":63}]}}")));
        if (r.rsc() == ResponseStatusCode.CREATED) {
            String ri = r.content().get("m2m:acp").get("ri").asText();
            assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(DATA, "Cowner",
                    body("m2m:cnt", "{\"acpi\":[\"" + ri + "\"]}"))));
        }
        return r;
    }

    private ResponseStatusCode readFrom(String address) {
        return f.send(Request.retrieve(DATA, "Creader").withOriginatorAddress(address)).rsc();
    }

    @Test
    void aRuleAppliesOnlyWithinItsTimeWindows() {
        protect("[{\"actw\":[\"* * * * * * 2099\"]}]");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(DATA, "Creader")),
                "outside the window (only in 2099)");
        protect("[{\"actw\":[\"* * * * * * 2099\", \"* * * * * * *\"]}]");
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(DATA, "Creader")), "any of the windows");
    }

    @Test
    void aRuleAppliesOnlyFromItsAddresses() {
        protect("[{\"acip\":{\"ipv4\":[\"127.0.0.1\", \"127.9.0.0/16\"],\"ipv6\":[\"::1\"]}}]");
        assertEquals(ResponseStatusCode.OK, readFrom("127.0.0.1"));
        assertEquals(ResponseStatusCode.OK, readFrom("::1"));
        assertEquals(ResponseStatusCode.OK, readFrom("127.9.200.3"), "inside the CIDR block");
        assertEquals(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, readFrom("127.8.0.1"));
        assertEquals(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, readFrom("127.0.0.2"));
        assertEquals(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, readFrom(null), "an unknown source matches no address");
        assertEquals(ResponseStatusCode.OK, readFrom("::1%lo"), "a zone id is not part of the address");
    }

    @Test
    void conditionsOfOneContextAllHoldAndAnyContextWillDo() {
        protect("[{\"actw\":[\"* * * * * * *\"],\"acip\":{\"ipv4\":[\"127.0.0.5\"]}},"
                + "{\"actw\":[\"* * * * * * 2099\"],\"acip\":{\"ipv4\":[\"127.0.0.6\"]}}]");
        assertEquals(ResponseStatusCode.OK, readFrom("127.0.0.5"));
        assertEquals(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, readFrom("127.0.0.6"), "its window is closed");
    }

    @Test
    void aLocationRegionNeverHoldsBecauseTheCseDoesNotKnowWhereOriginatorsAre() {
        protect("[{\"aclr\":{\"accc\":[250]}}]");
        assertEquals(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, readFrom("127.0.0.1"));
    }

    @Test
    void malformedWindowsAndAddressesAreRefused() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"actw\":[\"* * * * *\"]}]"), "5 fields");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"actw\":[\"* * * * * * * *\"]}]"), "8 fields");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"actw\":[\"61 * * * * * *\"]}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"actw\":[\"* * 5-2 * * * *\"]}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"localhost\"]}}]"),
                "names are not resolved");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"a.dead.beef.cafe\"]}}]"),
                "hex letters make a host name, never looked up");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"127.0.0.300\"]}}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"127.1\"]}}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"127.0.0.010\"]}}]"),
                "leading zeros are ambiguous");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv6\":[\".::1\"]}}]"),
                "not a literal, and never looked up");
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"::1\"]}}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv4\":[\"127.0.0.0/33\"]}}]"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, protect("[{\"acip\":{\"ipv6\":[\"127.0.0.1\"]}}]"));
    }

    @Test
    void scheduleEntriesReadCrontabWithSecondsAndYears() {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 29, 14, 30, 15, 0, ZoneOffset.UTC); // a Sunday
        assertTrue(ScheduleEntry.parse("* * * * * * *").matches(t));
        assertTrue(ScheduleEntry.parse("15 30 14 * * 0").matches(t), "six fields: any year");
        assertTrue(ScheduleEntry.parse("15 30 14 29 11 0 2026").matches(t));
        assertTrue(ScheduleEntry.parse("*/5 0-59/30 9-17 * * 7 *").matches(t), "7 is Sunday too; steps");
        assertTrue(ScheduleEntry.parse("0-20 * 8,14,20 * * * 2025-2027").matches(t));
        assertFalse(ScheduleEntry.parse("* * * * * 1-5 *").matches(t), "weekdays only");
        assertFalse(ScheduleEntry.parse("*/2 * * * * * *").matches(t), "even seconds only");
        assertFalse(ScheduleEntry.parse("* * 0-13 * * * *").matches(t));
        assertTrue(ScheduleEntry.parse("* * * 1 * 0 *").matches(t), "the 1st or a Sunday: crontab's either-day rule");
        assertFalse(ScheduleEntry.parse("* * * 1 * 1 *").matches(t), "neither the 1st nor a Monday");
        assertThrows(IllegalArgumentException.class, () -> ScheduleEntry.parse("* * * * * 8 *"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleEntry.parse("*/0 * * * * * *"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleEntry.parse("a * * * * * *"));
    }
}
