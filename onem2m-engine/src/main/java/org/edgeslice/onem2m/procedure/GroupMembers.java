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
 * {@code memberIDs} on CREATE and UPDATE, and the removal of deleted members.
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
 * <p>Deleted members leave their groups: the engine keeps an index member → groups (loaded from the store on
 * first use, kept under the write lock), so a DELETE costs one map lookup per deleted resource.
 */
final class GroupMembers {
    /** memberType 24: any type (TS-0004 m2m:memberType "mixed"). */
    static final int MIXED = 24;
    private static final String FOPT = "/fopt";
    private static final int MAX_NESTING = 8;

    private final ResourceStore store;
    private final TargetResolver resolver;
    private final AccessControl access;
    private final String cseBaseRi;
    /** member ri → ris of the groups that list it; guarded by the engine's write lock. */
    private Map<String, Set<String>> groupsByMember;

    GroupMembers(ResourceStore store, TargetResolver resolver, AccessControl access, String cseBaseRi) {
        this.store = store;
        this.resolver = resolver;
        this.access = access;
        this.cseBaseRi = cseBaseRi;
    }

    /**
     * Validates a group's member attributes after a CREATE or UPDATE merged them into {@code attrs}, and writes
     * the CSE's own ones ({@code mid} cleaned up, {@code cnm}, {@code mtv}, {@code csy}, possibly {@code mt}).
     *
     * @param groupRi    the group's ri (to refuse the group as its own member)
     * @param originator who asks; it must be allowed to RETRIEVE every member
     */
    void validate(ObjectNode attrs, String groupRi, Originator originator) {
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
                if (groupRi != null && reaches(r, groupRi, 0)) {
                    throw Onem2mException.badRequest("member " + id + " fans out to this group again");
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

    /** Whether fanning out through {@code group} ever reaches the group {@code ri} (a cycle). */
    private boolean reaches(Resource group, String ri, int depth) {
        if (depth > MAX_NESTING) {
            return true;
        }
        for (JsonNode m : group.attrs().path("mid")) {
            String id = m.asText();
            if (!id.endsWith(FOPT)) {
                continue;
            }
            String member = id.substring(0, id.length() - FOPT.length());
            if (member.equals(ri)) {
                return true;
            }
            Resource next = store.get(member).orElse(null);
            if (next != null && reaches(next, ri, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes deleted resources out of the groups that list them (TS-0001 §10.2.7.x: a group lists existing
     * resources). Caller holds the write lock; the changed groups go into {@code batch}.
     *
     * @param deleted the deleted resources (a whole subtree)
     * @return the groups as changed, for the update notifications
     */
    List<Resource> removeDeleted(Collection<Resource> deleted, WriteBatch batch) {
        Map<String, Set<String>> index = index();
        Set<String> gone = new HashSet<>();
        Set<String> affected = new HashSet<>();
        for (Resource r : deleted) {
            gone.add(r.ri());
            Set<String> groups = index.get(r.ri());
            if (groups != null) {
                affected.addAll(groups);
            }
        }
        List<Resource> changed = new ArrayList<>();
        String now = Timestamps.now();
        for (String g : affected) {
            if (gone.contains(g)) {
                continue;
            }
            Resource group = store.get(g).orElse(null);
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

    /** After a write: the group's members as stored now (null {@code group} with {@code ri}: deleted). */
    void written(String groupRi, Resource group) {
        Map<String, Set<String>> index = index();
        index.values().forEach(s -> s.remove(groupRi));
        index.values().removeIf(Set::isEmpty);
        if (group != null) {
            for (JsonNode m : group.attrs().path("mid")) {
                index.computeIfAbsent(memberRi(m.asText()), k -> new HashSet<>()).add(groupRi);
            }
        }
    }

    /** After a delete: forgets the deleted groups, records the changed ones. */
    void deleted(Collection<Resource> deleted, List<Resource> changedGroups) {
        if (groupsByMember == null) {
            return; // loaded from the store, as written, on first use
        }
        for (Resource r : deleted) {
            groupsByMember.remove(r.ri());
            if (r.type() == ResourceType.GROUP) {
                written(r.ri(), null);
            }
        }
        changedGroups.forEach(g -> written(g.ri(), g));
    }

    private Map<String, Set<String>> index() {
        if (groupsByMember == null) {
            Map<String, Set<String>> index = new HashMap<>();
            FilterCriteria groups = new FilterCriteria(Set.of(ResourceType.GROUP.ty()), List.of(), null, null, null,
                    null, null, null, null, null, null, null, Set.of(), 1, null, null, null);
            for (Resource g : store.discover(cseBaseRi, groups)) {
                for (JsonNode m : g.attrs().path("mid")) {
                    index.computeIfAbsent(memberRi(m.asText()), k -> new HashSet<>()).add(g.ri());
                }
            }
            groupsByMember = index;
        }
        return groupsByMember;
    }

    private static String memberRi(String member) {
        return member.endsWith(FOPT) ? member.substring(0, member.length() - FOPT.length()) : member;
    }
}
