package org.yaohao.standalone;

import org.yaohao.kernel.common.ResidentIdNumber;

import java.util.Random;

/** People of the shipped sample registry (docs/registry-contract.md) and request bodies naming them. */
final class Samples {

    static final String PASSES_HUKOU = "110101198503120017";
    static final String PASSES_RESIDENCE_PERMIT = "130102198806210028";
    static final String PASSES_WORK_PERMIT = "320102199009150034";
    static final String FAMILY_MAIN = "110105197802030012";
    static final String FAMILY_SPOUSE = "410102198005170027";
    static final String FAMILY_CHILD = "110105200408220031";
    static final String FAMILY_PARENT = "110105195001010012";
    static final String FAMILY_PARENT_IN_LAW = "11010219520707002X";
    static final String SOCIAL_INSURANCE_GAP = "130105198704100046";
    static final String CAR_OWNER = "110106198204180097";
    static final String ENTERPRISE_PASSES = "91110105MA01ABCD13";
    static final String ENTERPRISE_BELOW_MINIMUM_TAX_IN_REGISTRY = "91110108MA02EFGH2T";

    private Samples() {
    }

    static String individual(String idNumber) {
        return individual(idNumber, "13800138000");
    }

    static String individual(String idNumber, String phone) {
        return """
                {"kind":"INDIVIDUAL","quotaType":"ORDINARY",
                 "applicant":{"idNumber":"%s","name":"Test Applicant","phone":"%s"}}""".formatted(idNumber, phone);
    }

    static String family(String main, String... membersAndRelations) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < membersAndRelations.length; i += 2) {
            if (!members.isEmpty()) {
                members.append(',');
            }
            members.append("""
                    {"idNumber":"%s","name":"Member %d","relation":"%s"}""".formatted(membersAndRelations[i], i,
                    membersAndRelations[i + 1]));
        }
        return """
                {"kind":"FAMILY","quotaType":"NEW_ENERGY",
                 "applicant":{"idNumber":"%s","name":"Main Applicant","phone":"13900139000"},
                 "members":[%s]}""".formatted(main, members);
    }

    static String enterprise(String creditCode, long taxYuan, int quotas) {
        return """
                {"kind":"ENTERPRISE","quotaType":"ORDINARY",
                 "enterprise":{"creditCode":"%s","name":"Test Co.","taxPaidLastYearYuan":%d,"requestedQuotas":%d}}"""
                .formatted(creditCode, taxYuan, quotas);
    }

    /**
     * A policy file's text: the 2023 guide's rules (12-month quotas) with the given version and planned rounds
     * ({@code roundsJson}: the JSON array of {@code "rounds"}).
     */
    static String policy(String version, String roundsJson) {
        return """
                {"version":"%s","socialInsuranceMonths":60,"incomeTaxYears":5,
                 "enterpriseMinimumTaxYuan":500000,"enterpriseMaximumQuotas":5,
                 "prequalificationDeadline":"PT24H","registryRetryInterval":"PT1H",
                 "depositOrdinaryYuan":2000,"depositNewEnergyYuan":1000,"depositInstalments":3,"refundWorkingDays":7,"quotaValidityMonths":12,
                 "rounds":%s,
                 "lotteryWeights":{"individualWeightPerStep":10,"stepDivisor":5,"familyWeightPerPoint":10},
                 "familyPoints":{"formula":"GUIDE_2023","guide":{"baseTenths":200,"perGenerationTenths":150,
                    "mainPerYearTenths":10,"spousePerYearTenths":12,"otherAdultPerYearTenths":5,
                    "perRoundWithoutWinningTenths":10}}}""".formatted(version, roundsJson);
    }

    /** A valid ID number unknown to the sample registry (such an applicant is rejected: NOT_IN_REGISTRY). */
    static String randomIdNumber(Random random) {
        String first17 = "1101" + String.format("%02d", 1 + random.nextInt(18))
                + (1950 + random.nextInt(50)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
