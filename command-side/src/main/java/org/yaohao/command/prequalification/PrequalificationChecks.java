package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.policy.Policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pre-qualification (资格预审), rule book Lifecycle step 2: "social insurance, income tax, driver's licence, residence
 * permit, car ownership and (enterprise) tax are checked against the external registries ... Outcome:
 * <em>prequalified</em> ... or <em>rejected</em> with every failed check named."
 * <p>
 * Who is checked for what (rule book, Applicants):
 * <ul>
 *   <li>an individual applicant, and a family's main applicant: driving licence, car ownership, residence and, unless
 *       the residence record shows Beijing household registration or a work-residence permit, social insurance and
 *       income tax;</li>
 *   <li>each family member: the same except the driving licence ("each member meets the individual rules except the
 *       driver's licence");</li>
 *   <li>an enterprise: its tax of the previous year.</li>
 * </ul>
 * The day of applying is {@code submittedAt} in Asia/Shanghai. A registry with no record of the subject fails the
 * check with {@link RejectionReason#NOT_IN_REGISTRY}: nobody unknown is waved through. A registry that cannot be asked
 * is reported as unanswered and what depends on it is not judged (social insurance and income tax depend on the
 * residence answer, so they are not asked while residence is unanswered), and a registry that did not answer is
 * not asked again for the next person in the same run; the caller asks again later and sends the application to
 * manual review after the deadline. Every number comes from the {@link Policy}.
 */
public class PrequalificationChecks {

    /** The rule book's clock runs in Beijing. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RegistryPort port;

    public PrequalificationChecks(RegistryPort port) {
        this.port = Objects.requireNonNull(port);
    }

    public CheckOutcome run(ApplicationSubmittedEvent application, Policy policy) {
        Run run = new Run(application.submittedAt().atZone(ZONE).toLocalDate(), policy);
        switch (application.kind()) {
            case INDIVIDUAL -> run.person("applicant", application.applicant().idNumber(), true);
            case FAMILY -> {
                run.person("applicant", application.applicant().idNumber(), true);
                List<FamilyMember> members = application.members();
                for (int i = 0; i < members.size(); i++) {
                    FamilyMember member = members.get(i);
                    run.person("member " + (i + 1) + " (" + member.relation() + ")", member.person().idNumber(), false);
                }
            }
            case ENTERPRISE -> run.enterprise(Objects.requireNonNull(application.enterprise(),
                    "an enterprise application names its enterprise"));
        }
        return run.outcome();
    }

    /** One run of the checks for one application: what was asked, what failed, what did not answer. */
    private final class Run {

        private final LocalDate referenceDate;
        private final Policy policy;
        private final Set<Registry> consulted = EnumSet.noneOf(Registry.class);
        private final Set<Registry> unanswered = EnumSet.noneOf(Registry.class);
        private final List<FailedCheck> failedChecks = new ArrayList<>();
        private final List<Integer> insuranceYears = new ArrayList<>();

        Run(LocalDate referenceDate, Policy policy) {
            this.referenceDate = referenceDate;
            this.policy = Objects.requireNonNull(policy);
        }

        void person(String role, ResidentIdNumber id, boolean needsDrivingLicence) {
            String subject = role + " " + id.masked();
            int person = insuranceYears.size();
            insuranceYears.add(0);
            if (needsDrivingLicence) {
                check(Registry.DRIVING_LICENCE, subject, () -> port.drivingLicence(id),
                        licence -> DrivingLicenceRule.judge(licence, referenceDate));
            }
            check(Registry.CAR_OWNERSHIP, subject, () -> port.carOwnership(id), CarOwnershipRule::judge);

            Answer<ResidenceRecord> residence = ask(Registry.RESIDENCE, () -> port.residence(id));
            if (!residence.answered()) {
                return;
            }
            if (residence.record().isEmpty()) {
                failedChecks.add(notInRegistry(Registry.RESIDENCE, subject));
            } else if (ResidenceRule.exemptsFromInsuranceAndTax(residence.record().get())) {
                return;
            } else {
                record(Registry.RESIDENCE, subject, ResidenceRule.judgePermit(residence.record().get(), referenceDate));
            }
            YearMonth referenceMonth = YearMonth.from(referenceDate);
            check(Registry.SOCIAL_INSURANCE, subject, () -> port.socialInsurance(id), insurance -> {
                insuranceYears.set(person, SocialInsuranceRule.years(insurance, referenceMonth));
                return SocialInsuranceRule.judge(insurance, referenceMonth, policy);
            });
            check(Registry.INCOME_TAX, subject, () -> port.incomeTax(id),
                    tax -> IncomeTaxRule.judge(tax, referenceDate.getYear(), policy));
        }

        void enterprise(Enterprise enterprise) {
            check(Registry.ENTERPRISE_TAX, "enterprise " + enterprise.creditCode(),
                    () -> port.enterpriseTax(enterprise.creditCode()),
                    tax -> EnterpriseTaxRule.judge(tax, referenceDate.getYear(), policy));
        }

        CheckOutcome outcome() {
            return new CheckOutcome(List.copyOf(consulted), failedChecks, List.copyOf(unanswered), insuranceYears);
        }

        private <T> void check(Registry registry, String subject, Supplier<Optional<T>> question,
                               Function<T, Optional<Failure>> rule) {
            Answer<T> answer = ask(registry, question);
            if (!answer.answered()) {
                return;
            }
            if (answer.record().isEmpty()) {
                failedChecks.add(notInRegistry(registry, subject));
            } else {
                record(registry, subject, rule.apply(answer.record().get()));
            }
        }

        private <T> Answer<T> ask(Registry registry, Supplier<Optional<T>> question) {
            consulted.add(registry);
            if (unanswered.contains(registry)) {
                // already down in this run: asking again for the next person would only wait out more timeouts
                return new Answer<>(false, Optional.empty());
            }
            try {
                return new Answer<>(true, Objects.requireNonNull(question.get()));
            } catch (RegistryUnavailableException unavailable) {
                unanswered.add(registry);
                return new Answer<>(false, Optional.empty());
            }
        }

        private void record(Registry registry, String subject, Optional<Failure> failure) {
            failure.ifPresent(f -> failedChecks.add(new FailedCheck(registry, subject, f.reason(), f.detail())));
        }

        private FailedCheck notInRegistry(Registry registry, String subject) {
            return new FailedCheck(registry, subject, RejectionReason.NOT_IN_REGISTRY,
                    "the " + registry + " registry has no record");
        }
    }

    /** A registry's answer: {@code answered} is false when it could not be asked; an empty record means "no record". */
    private record Answer<T>(boolean answered, Optional<T> record) {
    }
}
