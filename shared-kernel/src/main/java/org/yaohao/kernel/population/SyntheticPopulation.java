package org.yaohao.kernel.population;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A synthetic population of {@code size} applications submitted on {@code submissionDay}, with the registry data that
 * makes each pass or fail pre-qualification; the same seed, size and day give the same population, byte for byte.
 * <p>
 * Shares, from the rule book and the guide where they give them, otherwise this generator's assumptions:
 * <ul>
 * <li>Channels (rule book, Channels): app <b>65 %</b> (the guide's 2023 figure); the rest is an assumption: website
 * 25 %, counters 10 %, the counters spread over the <b>16 districts</b> by their resident population (7th census,
 * {@link #DISTRICT_WEIGHTS}).</li>
 * <li>Kinds (assumption; the guide gives none): individual 78 %, family 20 %, enterprise 2 %. Quota type
 * (assumption from "new-energy applicants outnumbered ordinary for the first time in 2023" and the guide's advice to
 * families of 50 points and more): new-energy for 50 % of individuals, 75 % of families, 60 % of enterprises.</li>
 * <li>Families (rule book, Applicants and Family points; the mix is an assumption): a couple (1 generation) 20 %;
 * a couple and one child 35 %, and two children 10 %; a single parent and a child 5 %; the applicant and one or both
 * parents 8 %; a couple and parents or parents-in-law 7 % (2 generations); a couple, children and parents or
 * parents-in-law 15 % (3 generations). Spouses within 5 years of the applicant, children 22–38 years younger,
 * parents 22–35 years older.</li>
 * <li>Enterprises: 1–5 quotas (1: 50 %, 2: 25 %, 3: 12 %, 4: 8 %, 5: 5 %), declaring at least the policy's
 * 500,000 yuan.</li>
 * <li>Pre-qualification (rule book, Lifecycle 2): <b>12 %</b> of applications fail, "mostly for a gap in social
 * insurance or an expired residence permit". The split of the reasons is an assumption: social-insurance gap 40 %,
 * expired residence permit 25 %, a missing income-tax year 10 %, a car already owned 10 %, no valid driving licence
 * 7 %, no Beijing residence at all 5 %, unknown to the registries 3 %; failing enterprises paid less than the minimum
 * tax (90 %) or are unknown to the tax registry (10 %). In a family the failing person is the main applicant (60 %)
 * or a member (40 %; never for the licence, which members need not hold). Each failing application fails exactly
 * one check.</li>
 * <li>Residence of those who pass (assumption): Beijing hukou 55 %, work-residence permit 5 %, residence permit with
 * social insurance and income tax 40 %.</li>
 * </ul>
 * Registry data is relative to {@code submissionDay} and holds for any submission from then until about four years
 * later (insurance paid with no end, income tax in each year up to ten years on, licences and permits valid for
 * years); a failing person fails for the same reason in that span. ID numbers are valid (GB 11643 check character)
 * and unique, birth dates match the ages; credit codes are valid (GB 32100) and unique; phones are unique.
 */
public final class SyntheticPopulation {

    /** Resident population of the 16 districts in thousands (7th census, 2020), in {@link District} order. */
    static final int[] DISTRICT_WEIGHTS = {709, 1_106, 3_453, 2_019, 568, 3_133, 393, 1_313, 1_841, 1_324, 2_270,
            1_993, 441, 457, 528, 346};
    private static final String[] DISTRICT_CODES = {"110101", "110102", "110105", "110106", "110107", "110108",
            "110109", "110111", "110112", "110113", "110114", "110115", "110116", "110117", "110118", "110119"};
    private static final String[] OTHER_PROVINCE_CODES = {"130102", "410102", "320102", "370102", "210102", "140105",
            "510104", "420102", "230102", "340102", "120101", "610102"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
            "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang",
            "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Xia", "Ping", "Gang", "Hui", "Hong", "Bo", "Yu"};
    private static final RejectionReason[] PERSON_FAILURES = {RejectionReason.SOCIAL_INSURANCE_GAP,
            RejectionReason.RESIDENCE_PERMIT_EXPIRED, RejectionReason.INCOME_TAX_MISSING_YEAR,
            RejectionReason.CAR_ALREADY_OWNED, RejectionReason.NO_VALID_DRIVING_LICENCE,
            RejectionReason.NO_BEIJING_RESIDENCE, RejectionReason.NOT_IN_REGISTRY};
    private static final int[] PERSON_FAILURE_WEIGHTS = {40, 25, 10, 10, 7, 5, 3};
    private static final int[] QUOTA_COUNT_WEIGHTS = {50, 25, 12, 8, 5};
    /** Individual, family, enterprise, in per mille. */
    static final int INDIVIDUAL_PER_MILLE = 780;
    static final int FAMILY_PER_MILLE = 200;
    /** Applications failing pre-qualification, in per mille. */
    static final int FAILING_PER_MILLE = 120;
    static final int APP_PERCENT = 65;
    static final int WEB_PERCENT = 25;

    private final long seed;
    private final LocalDate submissionDay;
    private final List<SyntheticApplicant> applicants;

    private SyntheticPopulation(long seed, LocalDate submissionDay, List<SyntheticApplicant> applicants) {
        this.seed = seed;
        this.submissionDay = submissionDay;
        this.applicants = Collections.unmodifiableList(applicants);
    }

    /** {@code size} applications to be submitted on {@code submissionDay} (Beijing), deterministic from {@code seed}. */
    public static SyntheticPopulation generate(long seed, int size, LocalDate submissionDay) {
        if (size < 0 || size > 5_000_000) {
            throw new IllegalArgumentException("a population has 0 to 5,000,000 applications, not " + size);
        }
        return new SyntheticPopulation(seed, submissionDay, new Generator(seed, submissionDay).applicants(size));
    }

    public long seed() {
        return seed;
    }

    public LocalDate submissionDay() {
        return submissionDay;
    }

    public List<SyntheticApplicant> applicants() {
        return applicants;
    }

    /** How many applications are expected to fail pre-qualification, by reason. */
    public Map<RejectionReason, Integer> expectedRejections() {
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        for (SyntheticApplicant applicant : applicants) {
            if (applicant.expectedRejection() != null) {
                counts.merge(applicant.expectedRejection(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Writes the registry data of the whole population in the file registry's format (docs/registry-contract.md,
     * "Data file format"); {@code yaohao.registry.file} pointing at it makes the system decide from it. People unknown
     * to the registries are left out.
     */
    public void writeRegistry(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeRegistry(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registry file " + file, e);
        }
    }

    /** As {@link #writeRegistry(Path)}, to a stream (left open). */
    public void writeRegistry(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("persons");
            for (SyntheticApplicant applicant : applicants) {
                if (applicant.applicant() != null) {
                    writePerson(json, applicant.applicant().registry());
                }
                for (SyntheticPerson member : applicant.members()) {
                    writePerson(json, member.registry());
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("enterprises");
            for (SyntheticApplicant applicant : applicants) {
                SyntheticEnterprise enterprise = applicant.enterprise();
                if (enterprise != null && enterprise.registryTaxPaidYuanByYear() != null) {
                    json.writeStartObject();
                    json.writeStringField("creditCode", enterprise.creditCode());
                    json.writeStringField("label", enterprise.label());
                    writeByYear(json, "taxPaidYuanByYear", enterprise.registryTaxPaidYuanByYear());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writePerson(JsonGenerator json, RegistryRecord record) throws IOException {
        if (record == null) {
            return; // unknown to every registry
        }
        json.writeStartObject();
        json.writeStringField("idNumber", record.idNumber());
        json.writeStringField("label", record.label());
        json.writeArrayFieldStart("socialInsurance");
        for (RegistryRecord.Period period : record.socialInsurance()) {
            json.writeStartObject();
            json.writeStringField("from", period.from().toString());
            if (period.to() != null) {
                json.writeStringField("to", period.to().toString());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        writeByYear(json, "incomeTaxFenByYear", record.incomeTaxFenByYear());
        if (record.drivingLicenceValidUntil() != null) {
            json.writeStringField("drivingLicenceValidUntil", record.drivingLicenceValidUntil().toString());
        }
        json.writeObjectFieldStart("residence");
        json.writeBooleanField("beijingHukou", record.beijingHukou());
        json.writeBooleanField("workResidencePermit", record.workResidencePermit());
        if (record.residencePermitValidUntil() != null) {
            json.writeStringField("residencePermitValidUntil", record.residencePermitValidUntil().toString());
        }
        json.writeEndObject();
        json.writeNumberField("passengerCarsRegisteredInBeijing", record.passengerCarsRegisteredInBeijing());
        json.writeEndObject();
    }

    private static void writeByYear(JsonGenerator json, String field, SortedMap<Integer, Long> byYear)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Integer, Long> year : byYear.entrySet()) {
            json.writeNumberField(year.getKey().toString(), year.getValue());
        }
        json.writeEndObject();
    }

    /** The generation itself: one random stream, consumed in a fixed order. */
    private static final class Generator {

        private final SplittableRandom random;
        private final LocalDate day;
        private final YearMonth month;
        private final Set<String> idNumbers = new HashSet<>();
        private int phones;
        private int enterprises;

        Generator(long seed, LocalDate day) {
            this.random = new SplittableRandom(seed);
            this.day = day;
            this.month = YearMonth.from(day);
        }

        List<SyntheticApplicant> applicants(int size) {
            List<SyntheticApplicant> applicants = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                applicants.add(applicant(i));
            }
            return applicants;
        }

        private SyntheticApplicant applicant(int index) {
            int kind = random.nextInt(1_000);
            boolean failing = random.nextInt(1_000) < FAILING_PER_MILLE;
            int channelDraw = random.nextInt(100);
            Channel channel = channelDraw < APP_PERCENT ? Channel.APP
                              : channelDraw < APP_PERCENT + WEB_PERCENT ? Channel.WEB : Channel.COUNTER;
            District district = channel == Channel.COUNTER ? District.values()[weighted(DISTRICT_WEIGHTS)] : null;
            if (kind < INDIVIDUAL_PER_MILLE) {
                return individual(index, failing, channel, district);
            }
            if (kind < INDIVIDUAL_PER_MILLE + FAMILY_PER_MILLE) {
                return family(index, failing, channel, district);
            }
            return enterprise(index, failing, channel, district);
        }

        private SyntheticApplicant individual(int index, boolean failing, Channel channel, District district) {
            QuotaType type = random.nextInt(100) < 50 ? QuotaType.NEW_ENERGY : QuotaType.ORDINARY;
            RejectionReason reason = failing ? PERSON_FAILURES[weighted(PERSON_FAILURE_WEIGHTS)] : null;
            SyntheticPerson applicant = person(age(22, 60), null, true, reason);
            return new SyntheticApplicant(index, ApplicantKind.INDIVIDUAL, type, channel, district, applicant,
                                          List.of(), 0, null, reason);
        }

        private SyntheticApplicant family(int index, boolean failing, Channel channel, District district) {
            QuotaType type = random.nextInt(100) < 75 ? QuotaType.NEW_ENERGY : QuotaType.ORDINARY;
            int composition = random.nextInt(100);
            boolean spouse;
            int children;
            int parents;
            if (composition < 20) {
                spouse = true; children = 0; parents = 0;
            } else if (composition < 55) {
                spouse = true; children = 1; parents = 0;
            } else if (composition < 65) {
                spouse = true; children = 2; parents = 0;
            } else if (composition < 70) {
                spouse = false; children = 1; parents = 0;
            } else if (composition < 78) {
                spouse = false; children = 0; parents = 1 + random.nextInt(2);
            } else if (composition < 85) {
                spouse = true; children = 0; parents = 1 + random.nextInt(2);
            } else {
                spouse = true; children = 1 + random.nextInt(2); parents = 1 + random.nextInt(2);
            }
            RejectionReason reason = failing ? PERSON_FAILURES[weighted(PERSON_FAILURE_WEIGHTS)] : null;
            int members = (spouse ? 1 : 0) + children + parents;
            // who fails: the main applicant, or a member (never for the licence, which members need not hold)
            int failingMember = reason == null || reason == RejectionReason.NO_VALID_DRIVING_LICENCE
                                || random.nextInt(100) < 60 ? -1 : random.nextInt(members);
            int mainAge = children > 0 ? age(30, 55) : parents > 0 ? age(23, 45) : age(23, 60);
            SyntheticPerson main = person(mainAge, null, true, failingMember < 0 ? reason : null);
            List<SyntheticPerson> list = new ArrayList<>();
            if (spouse) {
                list.add(member(Math.max(18, mainAge - 5 + random.nextInt(11)), Relation.SPOUSE, list.size(),
                                failingMember, reason));
            }
            for (int c = 0; c < children; c++) {
                list.add(member(Math.max(0, mainAge - 22 - random.nextInt(17)), Relation.CHILD, list.size(),
                                failingMember, reason));
            }
            for (int p = 0; p < parents; p++) {
                Relation relation = spouse && random.nextBoolean() ? Relation.PARENT_IN_LAW : Relation.PARENT;
                list.add(member(mainAge + 22 + random.nextInt(14), relation, list.size(), failingMember, reason));
            }
            int generations = 1 + (children > 0 ? 1 : 0) + (parents > 0 ? 1 : 0);
            return new SyntheticApplicant(index, ApplicantKind.FAMILY, type, channel, district, main, list,
                                          generations, null, reason);
        }

        private SyntheticPerson member(int age, Relation relation, int position, int failingMember,
                                       RejectionReason reason) {
            return person(age, relation, false, position == failingMember ? reason : null);
        }

        private SyntheticApplicant enterprise(int index, boolean failing, Channel channel, District district) {
            QuotaType type = random.nextInt(100) < 60 ? QuotaType.NEW_ENERGY : QuotaType.ORDINARY;
            int quotas = 1 + weighted(QUOTA_COUNT_WEIGHTS);
            RejectionReason reason = failing ? (random.nextInt(100) < 90 ? RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM
                                                                           : RejectionReason.NOT_IN_REGISTRY) : null;
            // what it declares is always at least the minimum (less is refused at submission, before any registry)
            long declared = 500_000L + random.nextLong(19_500_000L);
            int serial = enterprises++;
            String first17 = "91" + DISTRICT_CODES[serial % DISTRICT_CODES.length]
                             + String.format("MA%07d", serial / DISTRICT_CODES.length);
            String creditCode = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
            UnifiedSocialCreditCode.of(creditCode); // valid by construction
            SortedMap<Integer, Long> tax = null;
            String label;
            if (reason == RejectionReason.NOT_IN_REGISTRY) {
                label = "rejects NOT_IN_REGISTRY";
            } else {
                long lastYear = reason == RejectionReason.ENTERPRISE_TAX_BELOW_MINIMUM
                                ? 50_000L + random.nextLong(449_000L) : declared;
                tax = new TreeMap<>();
                for (int year = day.getYear() - 6; year <= day.getYear() + 10; year++) {
                    tax.put(year, lastYear);
                }
                label = reason == null ? "passes: tax above the minimum every year"
                                       : "rejects ENTERPRISE_TAX_BELOW_MINIMUM: tax below the minimum every year";
            }
            SyntheticEnterprise enterprise = new SyntheticEnterprise(creditCode, "Synthetic Trading Co. " + serial,
                                                                     declared, quotas, label, tax);
            return new SyntheticApplicant(index, ApplicantKind.ENTERPRISE, type, channel, district, null, List.of(),
                                          0, enterprise, reason);
        }

        /** A person of {@code age} whose registry data passes, or fails for exactly {@code failure}. */
        private SyntheticPerson person(int age, Relation relation, boolean applicant, RejectionReason failure) {
            int residence = random.nextInt(100);
            boolean hukou = residence < 55 || age < 18 && failure == null; // minors registered with their family
            boolean workPermit = !hukou && residence < 60;
            if (failure == RejectionReason.SOCIAL_INSURANCE_GAP || failure == RejectionReason.INCOME_TAX_MISSING_YEAR
                || failure == RejectionReason.RESIDENCE_PERMIT_EXPIRED
                || failure == RejectionReason.NO_BEIJING_RESIDENCE) {
                hukou = false; // these checks are asked of residence-permit holders only
                workPermit = false;
            }
            LocalDate birth = day.minusYears(age).minusDays(1 + random.nextInt(364));
            String region = hukou ? DISTRICT_CODES[weighted(DISTRICT_WEIGHTS)]
                                  : OTHER_PROVINCE_CODES[random.nextInt(OTHER_PROVINCE_CODES.length)];
            String idNumber = idNumber(region, birth);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)]
                          + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)].toLowerCase() : "");
            String phone = applicant ? phone() : null;

            // social insurance since a month at least 61 months back (a gap: one month unpaid 13 months ago)
            YearMonth since = month.minusMonths(61 + random.nextInt(Math.max(1, Math.min(age - 18, 20) * 12)));
            List<RegistryRecord.Period> insurance = failure == RejectionReason.SOCIAL_INSURANCE_GAP
                    ? List.of(new RegistryRecord.Period(since, month.minusMonths(14)),
                              new RegistryRecord.Period(month.minusMonths(12), null))
                    : List.of(new RegistryRecord.Period(since, null));
            long taxPerYear = 10_000L * (2 + random.nextInt(500));
            SortedMap<Integer, Long> tax = new TreeMap<>();
            for (int year = day.getYear() - 8; year <= day.getYear() + 10; year++) {
                if (failure != RejectionReason.INCOME_TAX_MISSING_YEAR || year != day.getYear() - 2) {
                    tax.put(year, taxPerYear);
                }
            }
            LocalDate licence = failure == RejectionReason.NO_VALID_DRIVING_LICENCE
                                ? day.minusDays(1 + random.nextInt(700))
                                : day.plusYears(2 + random.nextInt(9)).plusDays(random.nextInt(365));
            LocalDate permit = hukou || workPermit || failure == RejectionReason.NO_BEIJING_RESIDENCE ? null
                               : failure == RejectionReason.RESIDENCE_PERMIT_EXPIRED
                                 ? day.minusDays(1 + random.nextInt(365))
                                 : day.plusYears(5).plusDays(random.nextInt(365 * 3));
            int cars = failure == RejectionReason.CAR_ALREADY_OWNED ? 1 + random.nextInt(2) : 0;
            String label = failure == null
                           ? "passes: " + (hukou ? "Beijing hukou" : workPermit ? "work-residence permit"
                                                                               : "residence permit, insured, taxed")
                           : "rejects " + failure;
            RegistryRecord record = failure == RejectionReason.NOT_IN_REGISTRY ? null
                    : new RegistryRecord(idNumber, label, insurance, tax,
                                         applicant ? licence : (random.nextBoolean() ? licence : null), hukou,
                                         workPermit, permit, cars);
            return new SyntheticPerson(idNumber, name, phone, birth, relation, record);
        }

        private int age(int from, int to) {
            return from + random.nextInt(to - from + 1);
        }

        /** A valid, unused ID number of someone born on {@code birth} registered in {@code region}. */
        private String idNumber(String region, LocalDate birth) {
            String date = birth.format(DateTimeFormatter.BASIC_ISO_DATE);
            while (true) {
                String first17 = region + date + String.format("%03d", random.nextInt(1_000));
                String id = first17 + ResidentIdNumber.checkCharacter(first17);
                if (idNumbers.add(id)) {
                    return id;
                }
            }
        }

        /** Unique mobile numbers: 139 and a permutation of the serial over 8 digits. */
        private String phone() {
            long serial = phones++;
            return "139" + String.format("%08d", (serial * 48_271L + 12_345L) % 100_000_000L);
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int draw = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                draw -= weights[i];
                if (draw < 0) {
                    return i;
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
