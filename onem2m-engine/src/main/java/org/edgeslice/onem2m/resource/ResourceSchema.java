package org.edgeslice.onem2m.resource;

import static org.edgeslice.onem2m.resource.AttributePolicy.mandatoryRw;
import static org.edgeslice.onem2m.resource.AttributePolicy.mandatoryWo;
import static org.edgeslice.onem2m.resource.AttributePolicy.ro;
import static org.edgeslice.onem2m.resource.AttributePolicy.rw;
import static org.edgeslice.onem2m.resource.AttributePolicy.wo;
import static org.edgeslice.onem2m.resource.AttributeType.CONTENT;
import static org.edgeslice.onem2m.resource.AttributeType.BOOLEAN;
import static org.edgeslice.onem2m.resource.AttributeType.INT_LIST;
import static org.edgeslice.onem2m.resource.AttributeType.NON_NEG_INT;
import static org.edgeslice.onem2m.resource.AttributeType.OBJECT;
import static org.edgeslice.onem2m.resource.AttributeType.STRING;
import static org.edgeslice.onem2m.resource.AttributeType.STRING_LIST;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.ResourceType;

/**
 * Per resource type: the attributes it has with their create/update policy, and the child types it may hold.
 * Sources: TS-0001 §9.6.3 (CSEBase), §9.6.5 (AE), §9.6.6 (container), §9.6.7 (contentInstance),
 * §9.6.8 (subscription), §9.6.2 (accessControlPolicy), §9.6.13 (group); TS-0004 §7.4 for the M/O/NP columns.
 */
public final class ResourceSchema {
    private static final Map<ResourceType, ResourceSchema> SCHEMAS = new EnumMap<>(ResourceType.class);

    static {
        List<AttributePolicy> universal = List.of(
                wo("rn", STRING), ro("ri", STRING), ro("pi", STRING), ro("ty", NON_NEG_INT),
                ro("ct", STRING), ro("lt", STRING), rw("et", STRING), rw("lbl", STRING_LIST));
        AttributePolicy acpi = rw("acpi", STRING_LIST);
        // custodian (TS-0001 §9.6.1.3.2, Release 4): the AE-ID or CSE-ID that, while the resource has no acpi,
        // holds all privileges on it in place of the owning AE (AccessControl); a common attribute of the
        // resource types below, write-once on the immutable contentInstance
        AttributePolicy cstn = rw("cstn", STRING);

        register(ResourceType.CSE_BASE, universal, List.of(acpi, ro("csi", STRING), ro("cst", NON_NEG_INT),
                        ro("srt", INT_LIST), ro("srv", STRING_LIST), ro("poa", STRING_LIST), ro("csz", STRING_LIST),
                        ro("ctm", STRING)),
                EnumSet.of(ResourceType.AE, ResourceType.CONTAINER, ResourceType.SUBSCRIPTION,
                        ResourceType.ACCESS_CONTROL_POLICY, ResourceType.GROUP));
        register(ResourceType.AE, universal, List.of(acpi, mandatoryWo("api", STRING), ro("aei", STRING),
                        mandatoryRw("rr", BOOLEAN), rw("poa", STRING_LIST), rw("srv", STRING_LIST),
                        rw("csz", STRING_LIST), rw("apn", STRING), rw("nl", STRING), rw("or", STRING),
                        rw("at", STRING_LIST), rw("aa", STRING_LIST), cstn),
                EnumSet.of(ResourceType.CONTAINER, ResourceType.SUBSCRIPTION, ResourceType.ACCESS_CONTROL_POLICY,
                        ResourceType.GROUP));
        register(ResourceType.CONTAINER, universal, List.of(acpi, ro("cr", STRING), rw("mni", NON_NEG_INT),
                        rw("mbs", NON_NEG_INT), rw("mia", NON_NEG_INT), ro("cni", NON_NEG_INT), ro("cbs", NON_NEG_INT),
                        ro("st", NON_NEG_INT), rw("li", STRING), rw("or", STRING), rw("disr", BOOLEAN),
                        rw("at", STRING_LIST), rw("aa", STRING_LIST), cstn),
                EnumSet.of(ResourceType.CONTAINER, ResourceType.CONTENT_INSTANCE, ResourceType.SUBSCRIPTION));
        // contentInstance is immutable after creation (TS-0001 §9.6.7): the UPDATE procedure refuses it
        // outright, so its update column does not matter. deletionCnt (dcnt, Release 4): see RetrieveProcedure.
        register(ResourceType.CONTENT_INSTANCE, universal.subList(0, 8), List.of(ro("cr", STRING),
                        wo("cnf", STRING), ro("cs", NON_NEG_INT), ro("st", NON_NEG_INT), wo("or", STRING),
                        mandatoryWo("con", CONTENT), wo("dgt", STRING), wo("at", STRING_LIST), wo("aa", STRING_LIST),
                        wo("dcnt", NON_NEG_INT), wo("cstn", STRING)),
                EnumSet.noneOf(ResourceType.class));
        register(ResourceType.SUBSCRIPTION, universal, List.of(acpi, ro("cr", STRING), rw("enc", OBJECT),
                        mandatoryRw("nu", STRING_LIST), rw("nct", NON_NEG_INT), rw("exc", NON_NEG_INT),
                        wo("su", STRING), rw("bn", OBJECT), rw("rl", OBJECT), rw("pn", NON_NEG_INT),
                        rw("nse", BOOLEAN), rw("ln", BOOLEAN), rw("nfu", STRING), rw("psn", NON_NEG_INT), cstn),
                EnumSet.noneOf(ResourceType.class));
        register(ResourceType.ACCESS_CONTROL_POLICY, universal, List.of(mandatoryRw("pv", OBJECT),
                        mandatoryRw("pvs", OBJECT), rw("at", STRING_LIST), rw("aa", STRING_LIST), cstn),
                EnumSet.of(ResourceType.SUBSCRIPTION)); // TS-0001 §9.6.2: <subscription> is its only child type
        // memberType and consistencyStrategy are set once (WO); currentNrOfMembers and memberTypeValidated are the
        // CSE's (GroupMembers). The virtual <fanOutPoint> is no stored child (CseEngine fans out).
        register(ResourceType.GROUP, universal, List.of(acpi, ro("cr", STRING), mandatoryWo("mt", NON_NEG_INT),
                        ro("cnm", NON_NEG_INT), mandatoryRw("mnm", NON_NEG_INT), mandatoryRw("mid", STRING_LIST),
                        rw("macp", STRING_LIST), ro("mtv", BOOLEAN), wo("csy", NON_NEG_INT), rw("gn", STRING),
                        cstn),
                EnumSet.of(ResourceType.SUBSCRIPTION));
    }

    private final ResourceType type;
    private final Map<String, AttributePolicy> attributes;
    private final Set<ResourceType> childTypes;

    private ResourceSchema(ResourceType type, Map<String, AttributePolicy> attributes, Set<ResourceType> childTypes) {
        this.type = type;
        this.attributes = attributes;
        this.childTypes = childTypes;
    }

    private static void register(ResourceType type, List<AttributePolicy> universal, List<AttributePolicy> specific,
                                 Set<ResourceType> childTypes) {
        List<AttributePolicy> all = new ArrayList<>(universal);
        all.addAll(specific);
        Map<String, AttributePolicy> byName = new LinkedHashMap<>();
        all.forEach(p -> byName.put(p.name(), p));
        SCHEMAS.put(type, new ResourceSchema(type, Collections.unmodifiableMap(byName),
                Collections.unmodifiableSet(childTypes)));
    }

    public static ResourceSchema of(ResourceType type) {
        return SCHEMAS.get(type);
    }

    public ResourceType type() {
        return type;
    }

    /** @return the policy, or {@code null} for an attribute this type does not have */
    public AttributePolicy attribute(String shortName) {
        return attributes.get(shortName);
    }

    public Map<String, AttributePolicy> attributes() {
        return attributes;
    }

    public boolean allowsChild(ResourceType child) {
        return childTypes.contains(child);
    }
}
