package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.policy.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Submitted applications for the pre-qualification tests. */
final class Applications {

    static final Policy POLICY_2023 =
            new Policy("2023-guide", 60, 5, 500_000, 5, Duration.ofHours(24), Duration.ofHours(1),
            2_000, 1_000, 3, 7, java.util.List.of(), null, null, 12, java.util.Map.of());

    /** 2026-11-27 10:00 in Beijing. */
    static final Instant NOV_27_2026 = Instant.parse("2026-11-27T02:00:00Z");

    private Applications() {
    }

    static ApplicationSubmittedEvent individual(ResidentIdNumber id, Instant submittedAt) {
        return new ApplicationSubmittedEvent(ApplicationCode.random(), ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                person(id), List.of(), 0, null, List.of(), submittedAt, POLICY_2023.version());
    }

    static ApplicationSubmittedEvent family(ResidentIdNumber main, List<FamilyMember> members, int generations,
                                            Instant submittedAt) {
        return new ApplicationSubmittedEvent(ApplicationCode.random(), ApplicantKind.FAMILY, QuotaType.NEW_ENERGY,
                person(main), members, generations, null, List.of(), submittedAt, POLICY_2023.version());
    }

    static ApplicationSubmittedEvent enterprise(UnifiedSocialCreditCode code, Instant submittedAt) {
        return new ApplicationSubmittedEvent(ApplicationCode.random(), ApplicantKind.ENTERPRISE, QuotaType.ORDINARY,
                null, List.of(), 0, new Enterprise(code, "Test Trading Co.", 800_000, 2), List.of(), submittedAt,
                POLICY_2023.version());
    }

    static FamilyMember member(ResidentIdNumber id, Relation relation) {
        return new FamilyMember(person(id), relation);
    }

    private static Person person(ResidentIdNumber id) {
        return new Person(id, "Test Person", "13800000000");
    }
}
