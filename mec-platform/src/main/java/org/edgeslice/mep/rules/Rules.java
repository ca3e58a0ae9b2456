package org.edgeslice.mep.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.mec011.DnsRule;
import org.edgeslice.contract.mec011.DnsRuleDescriptor;
import org.edgeslice.contract.mec011.RuleState;
import org.edgeslice.contract.mec011.TrafficRule;
import org.edgeslice.contract.mec011.TrafficRuleDescriptor;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.support.problem.ProblemException;

/** The traffic and DNS rules of the apps (ETSI GS MEC 011 clauses 7.2.6-7.2.9), configured over Mm5. */
@ApplicationScoped
public class Rules {

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    /**
     * Makes an app's rules those of its AppD (Mm5 configuration): new rules start ACTIVE, rules that remain keep
     * the state the app gave them, rules no longer listed are removed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void configure(String appInstanceId, List<TrafficRuleDescriptor> traffic, List<DnsRuleDescriptor> dns) {
        requireDistinct(traffic == null ? List.of() : traffic.stream().map(TrafficRuleDescriptor::trafficRuleId).toList(),
                "appTrafficRule");
        requireDistinct(dns == null ? List.of() : dns.stream().map(DnsRuleDescriptor::dnsRuleId).toList(), "appDNSRule");
        Map<String, RuleEntity> existing = new HashMap<>();
        for (RuleEntity e : ofApp(appInstanceId)) {
            existing.put(e.id, e);
        }
        for (TrafficRuleDescriptor d : traffic == null ? List.<TrafficRuleDescriptor>of() : traffic) {
            RuleEntity e = existing.remove(RuleEntity.key(appInstanceId, RuleKind.TRAFFIC, d.trafficRuleId()));
            RuleState state = e == null ? RuleState.ACTIVE : JsonText.read(e.bodyJson, TrafficRule.class).state();
            upsert(e, appInstanceId, RuleKind.TRAFFIC, d.trafficRuleId(), RuleBodies.fromDescriptor(d, state));
        }
        for (DnsRuleDescriptor d : dns == null ? List.<DnsRuleDescriptor>of() : dns) {
            RuleEntity e = existing.remove(RuleEntity.key(appInstanceId, RuleKind.DNS, d.dnsRuleId()));
            RuleState state = e == null ? RuleState.ACTIVE : JsonText.read(e.bodyJson, DnsRule.class).state();
            upsert(e, appInstanceId, RuleKind.DNS, d.dnsRuleId(), RuleBodies.fromDescriptor(d, state));
        }
        existing.values().forEach(em::remove);
        em.flush();
    }

    private static void requireDistinct(List<String> ids, String what) {
        if (ids.stream().distinct().count() != ids.size()) {
            throw ProblemException.badRequest(what + " lists a rule id more than once: " + ids);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(String appInstanceId) {
        ofApp(appInstanceId).forEach(em::remove);
    }

    @Transactional
    public List<TrafficRule> trafficRules(String appInstanceId) {
        return list(appInstanceId, RuleKind.TRAFFIC, TrafficRule.class);
    }

    @Transactional
    public List<DnsRule> dnsRules(String appInstanceId) {
        return list(appInstanceId, RuleKind.DNS, DnsRule.class);
    }

    @Transactional
    public Versioned<TrafficRule> trafficRule(String appInstanceId, String ruleId) {
        RuleEntity e = find(appInstanceId, RuleKind.TRAFFIC, ruleId, LockModeType.NONE);
        return new Versioned<>(JsonText.read(e.bodyJson, TrafficRule.class), EntityTags.of(e.version));
    }

    @Transactional
    public Versioned<DnsRule> dnsRule(String appInstanceId, String ruleId) {
        RuleEntity e = find(appInstanceId, RuleKind.DNS, ruleId, LockModeType.NONE);
        return new Versioned<>(JsonText.read(e.bodyJson, DnsRule.class), EntityTags.of(e.version));
    }

    /** ETSI GS MEC 011 TrafficRule PUT: 404 unknown, 412 when If-Match does not match the current tag. */
    @Transactional
    public Versioned<TrafficRule> replace(String appInstanceId, String ruleId, TrafficRule rule, String ifMatch) {
        RuleBodies.check(rule, ruleId);
        return new Versioned<>(rule, replace(appInstanceId, RuleKind.TRAFFIC, ruleId, rule, ifMatch));
    }

    @Transactional
    public Versioned<DnsRule> replace(String appInstanceId, String ruleId, DnsRule rule, String ifMatch) {
        RuleBodies.check(rule, ruleId);
        return new Versioned<>(rule, replace(appInstanceId, RuleKind.DNS, ruleId, rule, ifMatch));
    }

    private String replace(String appInstanceId, RuleKind kind, String ruleId, Object body, String ifMatch) {
        // the row lock makes compare-and-set atomic between two concurrent PUTs with the same If-Match
        RuleEntity e = find(appInstanceId, kind, ruleId, LockModeType.PESSIMISTIC_WRITE);
        if (!EntityTags.ifMatchPasses(ifMatch, EntityTags.of(e.version))) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " does not match the current entity tag "
                    + EntityTags.of(e.version));
        }
        e.bodyJson = JsonText.write(body);
        e.version++;
        return EntityTags.of(e.version);
    }

    private void upsert(RuleEntity e, String appInstanceId, RuleKind kind, String ruleId, Object body) {
        String json = JsonText.write(body);
        if (e == null) {
            e = new RuleEntity();
            e.id = RuleEntity.key(appInstanceId, kind, ruleId);
            e.appInstanceId = appInstanceId;
            e.kind = kind.name();
            e.ruleId = ruleId;
            e.bodyJson = json;
            e.version = 1;
            em.persist(e);
        } else if (!json.equals(e.bodyJson)) {
            e.bodyJson = json;
            e.version++;
        }
    }

    private List<RuleEntity> ofApp(String appInstanceId) {
        return em.createQuery("select r from RuleEntity r where r.appInstanceId = :a", RuleEntity.class)
                .setParameter("a", appInstanceId).getResultList();
    }

    private <T> List<T> list(String appInstanceId, RuleKind kind, Class<T> type) {
        return em.createQuery("select r from RuleEntity r where r.appInstanceId = :a and r.kind = :k order by r.ruleId",
                        RuleEntity.class)
                .setParameter("a", appInstanceId).setParameter("k", kind.name()).getResultList().stream()
                .map(r -> JsonText.read(r.bodyJson, type)).toList();
    }

    private RuleEntity find(String appInstanceId, RuleKind kind, String ruleId, LockModeType lock) {
        RuleEntity e = em.find(RuleEntity.class, RuleEntity.key(appInstanceId, kind, ruleId), lock);
        if (e == null) {
            throw ProblemException.notFound("No " + (kind == RuleKind.TRAFFIC ? "traffic" : "DNS") + " rule " + ruleId
                    + " for app instance " + appInstanceId);
        }
        return e;
    }
}
