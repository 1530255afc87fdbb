package dev.bonfire.policy;

import static dev.bonfire.policy.state.schema.Tables.POLICY_ASSIGNMENT;
import static dev.bonfire.policy.state.schema.Tables.POLICY_BREAK_GLASS;
import static dev.bonfire.policy.state.schema.Tables.POLICY_CONSENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The patients a caller may see in a list or search, as a SQL condition on a patient-id column: the
 * same rules as {@link AccessGate#decide}, so lists and their totals never show a patient (or count
 * one) that a read by id would refuse.
 */
public final class PatientScope {

    private final String tenantId;
    private final String userId;
    private final String purpose;
    private final boolean assignmentRequired;
    private final boolean breakGlassAllowed;
    private final OffsetDateTime breakGlassOpenedAfter;
    private final boolean consentApplies;
    private final TenantPolicy.ConsentModel consentModel;
    private final OffsetDateTime now;

    PatientScope(String tenantId, String userId, String purpose, boolean assignmentRequired, boolean breakGlassAllowed,
                 Instant breakGlassOpenedAfter, boolean consentApplies, TenantPolicy.ConsentModel consentModel, Instant now) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.purpose = purpose;
        this.assignmentRequired = assignmentRequired;
        this.breakGlassAllowed = breakGlassAllowed;
        this.breakGlassOpenedAfter = breakGlassOpenedAfter.atOffset(ZoneOffset.UTC);
        this.consentApplies = consentApplies;
        this.consentModel = consentModel;
        this.now = now.atOffset(ZoneOffset.UTC);
    }

    /** The condition that keeps rows to permitted patients; {@code patientId} is the column holding the patient's id. */
    public Condition condition(Field<String> patientId) {
        Condition scope = DSL.trueCondition();
        if (assignmentRequired) {
            Condition assigned = patientId.in(DSL.select(POLICY_ASSIGNMENT.PATIENT_ID).from(POLICY_ASSIGNMENT)
                    .where(POLICY_ASSIGNMENT.TENANT_ID.eq(tenantId)
                            .and(POLICY_ASSIGNMENT.CLINICIAN_USER_ID.eq(userId))
                            .and(POLICY_ASSIGNMENT.ACTIVE.isTrue())));
            if (breakGlassAllowed) {
                assigned = assigned.or(patientId.in(DSL.select(POLICY_BREAK_GLASS.PATIENT_ID).from(POLICY_BREAK_GLASS)
                        .where(POLICY_BREAK_GLASS.TENANT_ID.eq(tenantId)
                                .and(POLICY_BREAK_GLASS.ACTOR_USER_ID.eq(userId))
                                .and(POLICY_BREAK_GLASS.STARTED_AT.gt(breakGlassOpenedAfter)))));
            }
            scope = scope.and(assigned);
        }
        if (!consentApplies) {
            return scope;
        }
        Condition forThisUse = POLICY_CONSENT.TENANT_ID.eq(tenantId)
                .and(POLICY_CONSENT.PURPOSE.eq(purpose))
                .and(POLICY_CONSENT.ACTOR_USER_ID.isNull().or(POLICY_CONSENT.ACTOR_USER_ID.eq(userId)));
        Condition inEffect = POLICY_CONSENT.ACTIVE.isTrue()
                .and(POLICY_CONSENT.PERIOD_START.isNull().or(POLICY_CONSENT.PERIOD_START.le(now)))
                .and(POLICY_CONSENT.PERIOD_END.isNull().or(POLICY_CONSENT.PERIOD_END.gt(now)));
        var withActiveConsent = DSL.select(POLICY_CONSENT.PATIENT_ID).from(POLICY_CONSENT).where(forThisUse.and(inEffect));
        if (consentModel == TenantPolicy.ConsentModel.OPT_IN) {
            return scope.and(patientId.in(withActiveConsent));
        }
        var withAnyConsent = DSL.select(POLICY_CONSENT.PATIENT_ID).from(POLICY_CONSENT).where(forThisUse);
        return scope.and(patientId.notIn(withAnyConsent).or(patientId.in(withActiveConsent)));
    }
}
