package org.yaohao.command.application;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.yaohao.kernel.application.ApplicantClaimedEvent;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicantReleasedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * "A person (ID number) may be in at most one active application, in any role. An enterprise may hold at most one
 * active application." One claim stream per person or enterprise, keyed by a digest of the ID number or credit code.
 * A submission claims every person it names in the same unit of work that creates the application, so the event
 * store's unique (aggregate, sequence) key decides concurrent submissions: exactly one wins, on every event store
 * and across restarts and replays, since the claim is itself events.
 */
@Aggregate
public class ApplicantClaim {

    @AggregateIdentifier
    private String claimId;
    private ApplicationCode activeApplication;

    protected ApplicantClaim() {
        // for Axon and for loadOrCreate
    }

    /** Binds the subject to the application, or refuses naming the application that already holds it. */
    void claim(Subject subject, ApplicationCode code, String policyVersion) {
        if (activeApplication != null && !activeApplication.equals(code)) {
            throw new DomainException(ErrorCode.ACTIVE_APPLICATION_EXISTS, subject.field(),
                    "this " + (subject.enterprise() ? "enterprise" : "person")
                            + " is already in active application " + activeApplication,
                    Map.of("conflictingApplicationCode", activeApplication.value()));
        }
        if (activeApplication == null) {
            apply(new ApplicantClaimedEvent(subject.claimId(), code, policyVersion));
        }
    }

    /** Frees the subject if it is bound to this application; otherwise nothing happens. */
    void release(ApplicationCode code, String policyVersion) {
        if (code.equals(activeApplication)) {
            apply(new ApplicantReleasedEvent(claimId, code, policyVersion));
        }
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }

    @EventSourcingHandler
    void on(ApplicantClaimedEvent event) {
        claimId = event.claimId();
        activeApplication = event.code();
    }

    @EventSourcingHandler
    void on(ApplicantReleasedEvent event) {
        activeApplication = null;
    }

    /** A person or enterprise named in a submission, with the request field that named it. */
    record Subject(String claimId, String field, boolean enterprise) {
    }

    /**
     * Everyone an application binds, sorted by claim id, so that two submissions sharing people lock them in the
     * same order and cannot deadlock.
     */
    static List<Subject> claimIdsOf(ApplicantKind kind, Person applicant, List<FamilyMember> members,
                                    Enterprise enterprise) {
        List<Subject> subjects = new ArrayList<>();
        if (kind == ApplicantKind.ENTERPRISE) {
            subjects.add(new Subject("E-" + digest(enterprise.creditCode().value()), "enterprise.creditCode", true));
        } else {
            subjects.add(new Subject("P-" + digest(applicant.idNumber().value()), "applicant.idNumber", false));
            for (int i = 0; i < members.size(); i++) {
                subjects.add(new Subject("P-" + digest(members.get(i).person().idNumber().value()),
                        "members[" + i + "].idNumber", false));
            }
        }
        subjects.sort(Comparator.comparing(Subject::claimId));
        return subjects;
    }

    /** The claim ids a person's ID number or an enterprise's credit code would have, as given (trimmed, upper case). */
    static List<String> claimIdsNaming(String idNumberOrCreditCode) {
        String value = idNumberOrCreditCode.trim().toUpperCase();
        return List.of("P-" + digest(value), "E-" + digest(value));
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("yaohao-claim:" + value)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
