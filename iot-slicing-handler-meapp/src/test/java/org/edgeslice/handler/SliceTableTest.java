package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.handler.slice.SliceEntry;
import org.edgeslice.handler.slice.SliceTable;
import org.junit.jupiter.api.Test;

class SliceTableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static SliceEntry slice(String app, String... functions) {
        return new SliceEntry(app, "s-" + app, "h1", Set.of(functions), Map.of("http", "http://127.0.0.1:1"), Map.of(),
                Set.of(), null, false, null, null);
    }

    private static SliceTable table(List<String> journal) {
        return new SliceTable(new SliceTable.Journal() {
            @Override
            public void saved(SliceEntry entry) {
                journal.add("saved " + entry.appInstanceId());
            }

            @Override
            public void removed(String appInstanceId) {
                journal.add("removed " + appInstanceId);
            }
        }, List.of());
    }

    @Test
    void aSliceCoversASubsetOfItsFunctionsButNotMore() {
        SliceTable t = table(new ArrayList<>());
        t.recordServing(slice("a", "registration", "retrieve"), "r1", T0);
        assertEquals("a", t.covering(List.of("retrieve")).orElseThrow().appInstanceId());
        assertEquals("a", t.covering(List.of("registration", "retrieve")).orElseThrow().appInstanceId());
        assertTrue(t.covering(List.of("retrieve", "subscription")).isEmpty());
        assertTrue(t.covering(List.of("notification")).isEmpty());
    }

    @Test
    void dataManagementTravelsWithRegistration() {
        SliceTable t = table(new ArrayList<>());
        t.recordServing(slice("a", "registration"), "r1", T0);
        assertTrue(t.covering(List.of("registration", "data-management")).isPresent());
    }

    @Test
    void theSmallestCoveringSliceWinsThenTheBusiestThenTheId() {
        SliceTable t = table(new ArrayList<>());
        t.recordServing(slice("big", "registration", "retrieve", "subscription", "notification"), "r1", T0);
        t.recordServing(slice("small", "registration", "retrieve"), "r2", T0);
        t.recordServing(slice("small2", "registration", "retrieve"), "r3", T0);
        t.recordServing(slice("small2", "registration", "retrieve"), "r4", T0);
        assertEquals("small2", t.covering(List.of("retrieve")).orElseThrow().appInstanceId(), "more users wins a tie");
        assertEquals("big", t.covering(List.of("notification")).orElseThrow().appInstanceId());
    }

    @Test
    void aSliceBeingReleasedIsNotOfferedAndOnlyAnIdleSliceCanBeReleased() {
        SliceTable t = table(new ArrayList<>());
        t.recordServing(slice("a", "retrieve"), "r1", T0);
        assertFalse(t.startRelease("a"), "it has a user");
        assertTrue(t.idleSince(T0.plusSeconds(1000), Duration.ofSeconds(10)).isEmpty());
        t.detach("a", "r1", T0.plusSeconds(5));
        assertTrue(t.idleSince(T0.plusSeconds(14), Duration.ofSeconds(10)).isEmpty(), "not idle long enough");
        assertEquals(1, t.idleSince(T0.plusSeconds(15), Duration.ofSeconds(10)).size());
        assertTrue(t.startRelease("a"));
        assertTrue(t.covering(List.of("retrieve")).isEmpty(), "releasing slices are not reused");
        assertTrue(t.idleSince(T0.plusSeconds(100), Duration.ofSeconds(10)).isEmpty(), "already releasing");
        t.releaseFailed("a", T0.plusSeconds(100));
        assertTrue(t.covering(List.of("retrieve")).isPresent(), "offered again after a failed release");
    }

    @Test
    void mecServiceNotificationsAddFunctionsAndASliceWithoutServicesVanishes() {
        List<String> journal = new ArrayList<>();
        SliceTable t = table(journal);
        t.serviceUp("app-x", "ser-1", "registration", "http://127.0.0.1:40001", "h1", T0);
        t.serviceUp("app-x", "ser-2", "retrieve", "http://127.0.0.1:40002", "h1", T0);
        t.serviceUp("app-x", "ser-0", "http", "http://127.0.0.1:40000", "h1", T0);
        SliceEntry e = t.get("app-x").orElseThrow();
        assertEquals(Set.of("registration", "retrieve"), e.functions(), "the main endpoint is not a function");
        assertEquals("http://127.0.0.1:40000", e.pointOfAccess());
        assertTrue(t.covering(List.of("retrieve")).isPresent());
        assertTrue(t.serviceDown("ser-2").isEmpty());
        assertTrue(t.covering(List.of("retrieve")).isEmpty(), "retrieve went away");
        assertTrue(t.covering(List.of("registration")).isPresent());
        assertTrue(t.serviceDown("ser-1").isEmpty());
        assertEquals("app-x", t.serviceDown("ser-0").orElseThrow().appInstanceId(), "last service gone: vanished");
        assertTrue(t.all().isEmpty());
        assertEquals("removed app-x", journal.get(journal.size() - 1));
        assertTrue(t.serviceDown("unknown").isEmpty());
    }

    @Test
    void theIsclReportAndTheMecServicesMergeIntoOneEntry() {
        SliceTable t = table(new ArrayList<>());
        t.serviceUp("app-a", "ser-1", "retrieve", "http://127.0.0.1:2", "h1", T0);
        SliceEntry merged = t.recordServing(slice("app-a", "registration"), "r1", T0);
        assertEquals(Set.of("registration", "retrieve"), merged.functions());
        assertEquals(Map.of("ser-1", "retrieve"), merged.services());
        assertEquals(Set.of("r1"), merged.users());
        assertEquals("s-app-a", merged.sliceId());
    }

    @Test
    void everyChangeIsJournaledBeforeItIsVisible() {
        List<String> journal = new ArrayList<>();
        SliceTable t = new SliceTable(new SliceTable.Journal() {
            @Override
            public void saved(SliceEntry entry) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void removed(String appInstanceId) {
                journal.add(appInstanceId);
            }
        }, List.of());
        try {
            t.recordServing(slice("a", "retrieve"), "r1", T0);
        } catch (IllegalStateException expected) {
            // the change failed to persist
        }
        assertTrue(t.all().isEmpty(), "nothing visible that was not persisted");
    }
}
