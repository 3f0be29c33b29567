package org.yaohao.kernel.familypoints;

import java.util.List;

/**
 * What a family-points formula reads from a family (rule book, "Family points"): no names, no ID numbers.
 *
 * @param generations                 generations living in the family (1–3)
 * @param members                     every member, the main applicant included
 * @param roundsEnteredWithoutWinning rounds the family entered without winning (2023 guide: participation steps)
 * @param fullYearsApplied            full years the family has applied (municipal formula)
 */
public record FamilyComposition(int generations, List<Member> members, int roundsEnteredWithoutWinning,
                                int fullYearsApplied) {

    public FamilyComposition {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A member's place in the family, relative to the main applicant. */
    public enum Role {
        MAIN, SPOUSE, CHILD, PARENT, PARENT_IN_LAW
    }

    /**
     * One member of the family.
     *
     * @param role                  the member's role
     * @param adult                 whether the member is an adult (2023 guide: only adults' insurance years count)
     * @param socialInsuranceYears  years of Beijing social insurance (2023 guide)
     * @param lotterySteps          lottery steps the member holds (municipal formula)
     */
    public record Member(Role role, boolean adult, int socialInsuranceYears, int lotterySteps) {
    }
}
