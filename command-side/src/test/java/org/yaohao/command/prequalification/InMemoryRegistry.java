package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A hand-written {@link RegistryPort} for tests: records per subject, registries that are down, and every call made. */
final class InMemoryRegistry implements RegistryPort {

    private final Map<ResidentIdNumber, SocialInsuranceRecord> socialInsurance = new HashMap<>();
    private final Map<ResidentIdNumber, IncomeTaxRecord> incomeTax = new HashMap<>();
    private final Map<ResidentIdNumber, DrivingLicenceRecord> drivingLicence = new HashMap<>();
    private final Map<ResidentIdNumber, ResidenceRecord> residence = new HashMap<>();
    private final Map<ResidentIdNumber, CarOwnershipRecord> carOwnership = new HashMap<>();
    private final Map<UnifiedSocialCreditCode, EnterpriseTaxRecord> enterpriseTax = new HashMap<>();
    private final Set<Registry> down = EnumSet.noneOf(Registry.class);
    final List<String> calls = new ArrayList<>();

    static ResidentIdNumber id(String first17) {
        return new ResidentIdNumber(first17 + ResidentIdNumber.checkCharacter(first17));
    }

    static UnifiedSocialCreditCode creditCode(String first17) {
        return new UnifiedSocialCreditCode(first17 + UnifiedSocialCreditCode.checkCharacter(first17));
    }

    /** Someone who passes every check on a day in 2020–2034: Beijing hukou, licence, no car, insurance and tax. */
    InMemoryRegistry hukouHolder(ResidentIdNumber id) {
        return licence(id, LocalDate.of(2036, 1, 1)).cars(id, 0).residence(id, new ResidenceRecord(true, false, null))
                .insuredSince(id, YearMonth.of(2010, 1)).taxEveryYear(id, 2010, 2035);
    }

    /** Someone who passes with a residence permit, insurance since 2010 and tax every year 2010–2035. */
    InMemoryRegistry permitHolder(ResidentIdNumber id) {
        return licence(id, LocalDate.of(2036, 1, 1)).cars(id, 0)
                .residence(id, new ResidenceRecord(false, false, LocalDate.of(2036, 1, 1)))
                .insuredSince(id, YearMonth.of(2010, 1)).taxEveryYear(id, 2010, 2035);
    }

    InMemoryRegistry licence(ResidentIdNumber id, LocalDate validUntil) {
        drivingLicence.put(id, new DrivingLicenceRecord(validUntil));
        return this;
    }

    InMemoryRegistry noLicence(ResidentIdNumber id) {
        drivingLicence.remove(id);
        return this;
    }

    InMemoryRegistry cars(ResidentIdNumber id, int count) {
        carOwnership.put(id, new CarOwnershipRecord(count));
        return this;
    }

    InMemoryRegistry residence(ResidentIdNumber id, ResidenceRecord record) {
        residence.put(id, record);
        return this;
    }

    InMemoryRegistry insuredSince(ResidentIdNumber id, YearMonth from) {
        return insurance(id, new PaidPeriod(from, null));
    }

    InMemoryRegistry insurance(ResidentIdNumber id, PaidPeriod... periods) {
        socialInsurance.put(id, new SocialInsuranceRecord(List.of(periods)));
        return this;
    }

    InMemoryRegistry taxEveryYear(ResidentIdNumber id, int first, int last) {
        return tax(id, IntStream.rangeClosed(first, last).boxed().collect(Collectors.toMap(y -> y, y -> 100_000L)));
    }

    InMemoryRegistry tax(ResidentIdNumber id, Map<Integer, Long> fenByYear) {
        incomeTax.put(id, new IncomeTaxRecord(fenByYear));
        return this;
    }

    InMemoryRegistry enterpriseTax(UnifiedSocialCreditCode code, Map<Integer, Long> yuanByYear) {
        enterpriseTax.put(code, new EnterpriseTaxRecord(yuanByYear));
        return this;
    }

    /** From now on, asking {@code registry} throws {@link RegistryUnavailableException}. */
    InMemoryRegistry down(Registry registry) {
        down.add(registry);
        return this;
    }

    @Override
    public Optional<SocialInsuranceRecord> socialInsurance(ResidentIdNumber id) {
        return answer(Registry.SOCIAL_INSURANCE, id, socialInsurance.get(id));
    }

    @Override
    public Optional<IncomeTaxRecord> incomeTax(ResidentIdNumber id) {
        return answer(Registry.INCOME_TAX, id, incomeTax.get(id));
    }

    @Override
    public Optional<DrivingLicenceRecord> drivingLicence(ResidentIdNumber id) {
        return answer(Registry.DRIVING_LICENCE, id, drivingLicence.get(id));
    }

    @Override
    public Optional<ResidenceRecord> residence(ResidentIdNumber id) {
        return answer(Registry.RESIDENCE, id, residence.get(id));
    }

    @Override
    public Optional<CarOwnershipRecord> carOwnership(ResidentIdNumber id) {
        return answer(Registry.CAR_OWNERSHIP, id, carOwnership.get(id));
    }

    @Override
    public Optional<EnterpriseTaxRecord> enterpriseTax(UnifiedSocialCreditCode code) {
        calls.add(Registry.ENTERPRISE_TAX + " " + code);
        if (down.contains(Registry.ENTERPRISE_TAX)) {
            throw new RegistryUnavailableException(Registry.ENTERPRISE_TAX, "ENTERPRISE_TAX is down");
        }
        return Optional.ofNullable(enterpriseTax.get(code));
    }

    private <T> Optional<T> answer(Registry registry, ResidentIdNumber id, T record) {
        calls.add(registry + " " + id.masked());
        if (down.contains(registry)) {
            throw new RegistryUnavailableException(registry, registry + " is down");
        }
        return Optional.ofNullable(record);
    }
}
