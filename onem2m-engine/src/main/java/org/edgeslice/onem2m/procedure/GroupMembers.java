package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.acp.AccessControl;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * The member rules of {@code <group>} (TS-0001 §9.6.13 and §10.2.7.2/§10.2.7.4, TS-0004 §7.4.13): validation of
 * {@code memberIDs} on CREATE and on an UPDATE that changes them, and the removal of deleted members.
 *
 * <p>Validation: every member is a resource of this CSE (4004 when it does not exist, 5103 when it names another
 * CSE, 4000 for {@code la}/{@code ol}) that the originator may RETRIEVE (5105 RECEIVER_HAS_NO_PRIVILEGE); a
 * member ending in {@code /fopt} is another group's fan-out point and counts as that group's member type; members
 * are stored as resource ids, duplicates removed. A member whose type is not the group's {@code memberType}
 * (unless it is 24, mixed) is handled by {@code consistencyStrategy}: 1 ABANDON_MEMBER (the default) leaves it out,
 * 2 ABANDON_GROUP refuses the request (4110 GROUP_MEMBER_TYPE_INCONSISTENT), 3 SET_MIXED makes the group mixed.
 * More members than {@code maxNrOfMembers} is 6010 MAX_NUMBER_OF_MEMBER_EXCEEDED. The CSE sets
 * {@code currentNrOfMembers} and {@code memberTypeValidated}.
 *
 * <p>Removed resources leave their groups, whatever removed them (DELETE, expiry, a container's eviction of
 * instances): the engine keeps an index member → groups, loaded from the store when the engine starts and kept
 * under the write lock, so a removal costs a lookup per removed resource. A CSE without the Group Management CSF
 * (an IoT slice) holds no groups and skips all of it.
 */
final class GroupMembers {
    /** memberType 24: any type (TS-0004 m2m:memberType "mixed"). */
    static final int MIXED = 24;
    private static final String FOPT = "/" + FanOutProcedure.FOPT;

    private final ResourceStore store;
    private final TargetResolver resolver;
    private final AccessControl access;
    private final boolean enabled;
    /** member ri → ris of the groups that list it; guarded by the engine's write lock. */
    private final Map<String, Set<String>> groupsByMember = new HashMap<>();

    /**
     * @param enabled whether the CSE holds the Group Management CSF; without it there are no groups to keep
     */
    GroupMembers(ResourceStore store, TargetResolver resolver, AccessControl access, String cseBaseRi,
                 boolean enabled) {
        this.store = store;
        this.resolver = resolver;
        this.access = access;
        this.enabled = enabled;
        if (enabled) {
            FilterCriteria groups = new FilterCriteria(Set.of(ResourceType.GROUP.ty()), List.of(), null, null, null,
                    null, null, null, null, null, null, null, Set.of(), 1, null, null, null);
            for (Resource g : store.discover(cseBaseRi, groups)) {
                index(g, true);
            }
        }
    }

    /**
     * Validates a group's member attributes after a CREATE or UPDATE merged them into {@code attrs}, and writes
     * the CSE's own ones ({@code mid} cleaned up, {@code cnm}, {@code mtv}, {@code csy}, possibly {@code mt}).
     * Caller holds the write lock.
     *
     * @param groupRi        the group's ri (to refuse the group as its own member)
     * @param originator     who asks; it must be allowed to RETRIEVE every member
     * @param membersChanged whether the request set {@code mid} (a CREATE always does); otherwise only
     *                       {@code maxNrOfMembers} is checked against the members the group has
     */
    void validate(ObjectNode attrs, String groupRi, Originator originator, boolean membersChanged) {
        JsonNode mtNode = attrs.get("mt");
        JsonNode mnmNode = attrs.get("mnm");
        JsonNode midNode = attrs.get("mid");
        if (mtNode == null || mnmNode == null || midNode == null || !midNode.isArray()) {
            throw Onem2mException.badRequest("a group needs mt, mnm and mid");
        }
        int mt = mtNode.asInt();
        if (!ResourceType.isDefined(mt)) {
            throw Onem2mException.badRequest("mt " + mt + " is not a oneM2M resource type (24 = mixed)");
        }
        long mnm = mnmNode.asLong();
        if (mnm < 1) {
            throw Onem2mException.badRequest("mnm must be a positive integer");
        }
        int csy = attrs.path("csy").asInt(1);
        if (csy < 1 || csy > 3) {
            throw Onem2mException.badRequest("csy must be 1 (ABANDON_MEMBER), 2 (ABANDON_GROUP) or 3 (SET_MIXED)");
        }
        attrs.put("csy", csy);
        if (!membersChanged) {
            if (midNode.size() > mnm) {
                throw new Onem2mException(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED,
                        "the group has " + midNode.size() + " members, more than mnm " + mnm);
            }
            return;
        }
        Map<String, Boolean> members = new LinkedHashMap<>();
        for (JsonNode m : midNode) {
            String id = m.asText();
            boolean fanOut = id.endsWith(FOPT) && id.length() > FOPT.length();
            Target t = resolver.resolve(fanOut ? id.substring(0, id.length() - FOPT.length()) : id);
            if (t.isVirtual()) {
                throw Onem2mException.badRequest("member " + id + " is a virtual resource, not a resource");
            }
            Resource r = t.resource();
            if (r.ri().equals(groupRi)) {
                throw Onem2mException.badRequest("a group cannot be its own member");
            }
            if (!access.isAllowed(originator, Operation.RETRIEVE, r, null)) {
                throw new Onem2mException(ResponseStatusCode.RECEIVER_HAS_NO_PRIVILEGE,
                        "the originator may not RETRIEVE member " + id);
            }
            int type = r.type().ty();
            if (fanOut) {
                if (r.type() != ResourceType.GROUP) {
                    throw Onem2mException.badRequest("member " + id + ": only a group has a fanOutPoint");
                }
                if (reaches(r, groupRi, 1, new HashMap<>())) {
                    throw Onem2mException.badRequest("member " + id + " fans out to this group again, or through "
                            + "more than " + FanOutProcedure.MAX_DEPTH + " groups");
                }
                type = r.attrs().path("mt").asInt();
            }
            String key = fanOut ? r.ri() + FOPT : r.ri();
            if (members.containsKey(key)) {
                continue;
            }
            if (mt != MIXED && type != mt) {
                switch (csy) {
                    case 1 -> {
                        continue; // ABANDON_MEMBER
                    }
                    case 2 -> throw new Onem2mException(ResponseStatusCode.GROUP_MEMBER_TYPE_INCONSISTENT,
                            "member " + id + " is of type " + type + ", the group's memberType is " + mt);
                    default -> {
                        mt = MIXED; // SET_MIXED
                        attrs.put("mt", MIXED);
                    }
                }
            }
            members.put(key, Boolean.TRUE);
        }
        if (members.size() > mnm) {
            throw new Onem2mException(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED,
                    members.size() + " members, maxNrOfMembers is " + mnm);
        }
        ArrayNode mid = Json.mapper().createArrayNode();
        members.keySet().forEach(mid::add);
        attrs.set("mid", mid);
        attrs.put("cnm", members.size());
        attrs.put("mtv", true);
    }

    /**
     * Whether fanning out through {@code group} reaches the group {@code ri} (a cycle) or nests deeper than a
     * request may go below it. A group is looked at again only when reached deeper than before, so at most
     * {@link FanOutProcedure#MAX_DEPTH} times. Best effort for the depth: a group that lists this one through
     * {@code /fopt} adds its own levels, which the fan-out itself limits.
     *
     * @param depth   the fan-out points passed to get to {@code group}
     * @param deepest for each group looked at, the deepest it was reached at
     */
    private boolean reaches(Resource group, String ri, int depth, Map<String, Integer> deepest) {
        if (depth >= FanOutProcedure.MAX_DEPTH) {
            return true;
        }
        for (JsonNode m : group.attrs().path("mid")) {
            String id = m.asText();
            if (!id.endsWith(FOPT)) {
                continue;
            }
            String member = memberRi(id);
            if (member.equals(ri)) {
                return true;
            }
            Integer seen = deepest.get(member);
            if (seen != null && seen >= depth + 1) {
                continue;
            }
            deepest.put(member, depth + 1);
            Resource next = store.get(member).orElse(null);
            if (next != null && reaches(next, ri, depth + 1, deepest)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes removed resources out of the groups that list them (TS-0001 §10.2.7.x: a group lists existing
     * resources). Caller holds the write lock, adds the changed groups to {@code batch} and calls
     * {@link #removed} once the batch is written.
     *
     * @param removed the removed resources (a whole subtree, or evicted instances)
     * @return the groups as changed, for {@link #removed} and the update notifications
     */
    List<Resource> leave(Collection<Resource> removed, WriteBatch batch) {
        if (groupsByMember.isEmpty()) {
            return List.of(); // the usual case: no groups, or none listing what went
        }
        Set<String> gone = new HashSet<>();
        Set<String> affected = new HashSet<>();
        for (Resource r : removed) {
            Set<String> groups = groupsByMember.get(r.ri());
            if (groups != null) {
                affected.addAll(groups);
            }
            gone.add(r.ri());
        }
        if (affected.isEmpty()) {
            return List.of();
        }
        List<Resource> changed = new ArrayList<>();
        String now = Timestamps.now();
        for (String g : affected) {
            Resource group = gone.contains(g) ? null : store.get(g).orElse(null);
            if (group == null) {
                continue;
            }
            Resource copy = group.copy();
            ArrayNode mid = Json.mapper().createArrayNode();
            for (JsonNode m : group.attrs().path("mid")) {
                if (!gone.contains(memberRi(m.asText()))) {
                    mid.add(m.asText());
                }
            }
            copy.attrs().set("mid", mid);
            copy.attrs().put("cnm", mid.size());
            copy.attrs().put("lt", now);
            batch.update(copy);
            changed.add(copy);
        }
        return changed;
    }

    /** After a write that removed resources: the index forgets them and records the groups {@link #leave} changed. */
    void removed(Collection<Resource> removed, List<Resource> changedGroups) {
        if (!enabled) {
            return;
        }
        for (Resource r : removed) {
            if (r.type() == ResourceType.GROUP) {
                index(r, false);
            }
        }
        for (Resource r : removed) {
            groupsByMember.remove(r.ri());
        }
        for (Resource g : changedGroups) {
            written(null, g); // before: its entries for the removed members went with them above
        }
    }

    /** After a write of a group: its members as they were ({@code before}, or null) and are now. */
    void written(Resource before, Resource after) {
        if (before != null) {
            index(before, false);
        }
        if (after != null) {
            index(after, true);
        }
    }

    private void index(Resource group, boolean add) {
        for (JsonNode m : group.attrs().path("mid")) {
            String member = memberRi(m.asText());
            if (add) {
                groupsByMember.computeIfAbsent(member, k -> new HashSet<>()).add(group.ri());
            } else {
                Set<String> groups = groupsByMember.get(member);
                if (groups != null && groups.remove(group.ri()) && groups.isEmpty()) {
                    groupsByMember.remove(member);
                }
            }
        }
    }

    /** What changed in a group its removed members left, for its subscribers' update notification. */
    static ObjectNode changes(Resource group) {
        ObjectNode modified = Json.object();
        for (String name : new String[] {"mid", "cnm", "lt"}) {
            modified.set(name, group.attrs().get(name));
        }
        return modified;
    }

    private static String memberRi(String member) {
        return member.endsWith(FOPT) ? member.substring(0, member.length() - FOPT.length()) : member;
    }
}
