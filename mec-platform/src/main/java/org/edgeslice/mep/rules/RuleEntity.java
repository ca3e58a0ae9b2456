package org.edgeslice.mep.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A traffic or DNS rule of one app, stored in {@code mep_rule}; {@code version} feeds the strong ETag. */
@Entity
@Table(name = "mep_rule")
public class RuleEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "app_instance_id", nullable = false)
    String appInstanceId;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "rule_id", nullable = false)
    String ruleId;

    @Column(name = "body_json", nullable = false, length = 32000)
    String bodyJson;

    @Column(name = "version", nullable = false)
    int version;

    static String key(String appInstanceId, RuleKind kind, String ruleId) {
        return appInstanceId + "|" + kind + "|" + ruleId;
    }
}
