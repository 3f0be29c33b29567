package org.yaohao.kernel.application;

import org.yaohao.kernel.deposit.DepositView;
import org.yaohao.kernel.quota.QuotaView;
import org.yaohao.kernel.round.RoundEntryView;

import java.time.Instant;
import java.util.List;

/**
 * An application's status as the public sees it: ID numbers masked, no names or phones.
 *
 * @param prequalification the outcome so far and, when rejected, every failed check
 * @param rounds           the rounds entered, in the order their pools were frozen, each with its pool, weight(s)
 *                         and outcome
 * @param deposits         the deposits of the rounds entered, oldest first
 * @param timeline         what happened when, oldest first
 * @param quotas           the quotas won, in the order issued
 */
public record ApplicationStatusView(String code,
                                    ApplicantKind kind,
                                    QuotaType quotaType,
                                    ApplicationStatus status,
                                    String applicantIdNumber,
                                    List<String> memberIdNumbers,
                                    int generations,
                                    EnterpriseView enterprise,
                                    Prequalification prequalification,
                                    Instant submittedAt,
                                    String policyVersion,
                                    List<RoundEntryView> rounds,
                                    List<DepositView> deposits,
                                    List<TimelineEntry> timeline,
                                    List<QuotaView> quotas) {

    /** The same view with the application's quotas. */
    public ApplicationStatusView withQuotas(List<QuotaView> won) {
        return new ApplicationStatusView(code, kind, quotaType, status, applicantIdNumber, memberIdNumbers, generations,
                enterprise, prequalification, submittedAt, policyVersion, rounds, deposits, timeline, List.copyOf(won));
    }

    /** An enterprise applicant as shown: its credit code is a public registration, not personal data. */
    public record EnterpriseView(String creditCode, String name, int requestedQuotas) {
    }

    /** {@code outcome} is PENDING, PREQUALIFIED, REJECTED or MANUAL_REVIEW. */
    public record Prequalification(String outcome, Instant decidedAt, List<FailedCheck> failedChecks,
                                   List<Registry> unansweredRegistries) {
    }

    /** One thing that happened, with where it came from. */
    public record TimelineEntry(Instant at, String event, String description, String channel, String district,
                                String actingUser) {
    }
}
