package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Rule book, Applicants: an individual has "Beijing household registration (or a work-residence permit,
 * 工作居住证), or a valid Beijing residence permit (居住证) plus Beijing social insurance ... and Beijing individual
 * income tax ...".
 * <p>
 * Reading: household registration or a work-residence permit suffices on its own; anyone else needs a residence
 * permit valid on the day of applying (its last valid day counts) <em>and</em> the social-insurance and income-tax
 * records ({@link SocialInsuranceRule}, {@link IncomeTaxRule}).
 */
final class ResidenceRule {

    private ResidenceRule() {
    }

    /** Household registration or a work-residence permit: social insurance and income tax are not required. */
    static boolean exemptsFromInsuranceAndTax(ResidenceRecord residence) {
        return residence.beijingHukou() || residence.workResidencePermit();
    }

    /** For someone not {@linkplain #exemptsFromInsuranceAndTax exempt}: is the residence permit valid? */
    static Optional<Failure> judgePermit(ResidenceRecord residence, LocalDate referenceDate) {
        LocalDate validUntil = residence.residencePermitValidUntil();
        if (validUntil == null) {
            return Optional.of(new Failure(RejectionReason.NO_BEIJING_RESIDENCE,
                    "no Beijing household registration, work-residence permit or residence permit"));
        }
        if (validUntil.isBefore(referenceDate)) {
            return Optional.of(new Failure(RejectionReason.RESIDENCE_PERMIT_EXPIRED,
                    "residence permit valid until " + validUntil + ", applied on " + referenceDate));
        }
        return Optional.empty();
    }
}
