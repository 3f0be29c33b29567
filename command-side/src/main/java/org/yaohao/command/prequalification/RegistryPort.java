package org.yaohao.command.prequalification;

import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.util.Optional;

/**
 * The external registries pre-qualification asks (rule book, Lifecycle step 2: "social insurance, income tax,
 * driver's licence, residence permit, car ownership and (enterprise) tax are checked against the external
 * registries").
 * <p>
 * Every method returns empty when the registry has no record of the subject, and throws
 * {@link RegistryUnavailableException} when the registry could not be asked. Implementations never put a raw ID
 * number in an exception message or a log line.
 */
public interface RegistryPort {

    Optional<SocialInsuranceRecord> socialInsurance(ResidentIdNumber id);

    Optional<IncomeTaxRecord> incomeTax(ResidentIdNumber id);

    Optional<DrivingLicenceRecord> drivingLicence(ResidentIdNumber id);

    Optional<ResidenceRecord> residence(ResidentIdNumber id);

    Optional<CarOwnershipRecord> carOwnership(ResidentIdNumber id);

    Optional<EnterpriseTaxRecord> enterpriseTax(UnifiedSocialCreditCode code);
}
