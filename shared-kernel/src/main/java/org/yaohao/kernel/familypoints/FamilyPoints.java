package org.yaohao.kernel.familypoints;

import java.util.List;

/**
 * A family's points under one policy, with every term of the sum so an applicant sees how the total is made.
 * Points keep one decimal, so amounts are integer tenths of a point; {@link #total()} is the same amount as text.
 *
 * @param policyVersion the policy that decided the points, e.g. {@code 2023-guide}
 * @param formula       the policy's formula, e.g. {@code GUIDE_2023}
 * @param totalTenths   the total in tenths of a point: always the sum of the terms
 * @param total         the total with one decimal, e.g. {@code "63.6"}
 * @param terms         every term of the sum, in the order of the formula
 */
public record FamilyPoints(String policyVersion, String formula, long totalTenths, String total, List<Term> terms) {

    public FamilyPoints {
        terms = terms == null ? List.of() : List.copyOf(terms);
        long sum = terms.stream().mapToLong(Term::tenths).reduce(0L, Math::addExact);
        if (sum != totalTenths) {
            throw new IllegalArgumentException("the total " + totalTenths + " is not the sum of its terms " + sum);
        }
        if (!format(totalTenths).equals(total)) {
            throw new IllegalArgumentException("the total text " + total + " does not show " + totalTenths + " tenths");
        }
    }

    /** The points whose total is the sum of {@code terms}. */
    public static FamilyPoints of(String policyVersion, String formula, List<Term> terms) {
        long sum = terms.stream().mapToLong(Term::tenths).reduce(0L, Math::addExact);
        return new FamilyPoints(policyVersion, formula, sum, format(sum), terms);
    }

    /** Tenths of a point as points with one decimal: 636 → {@code "63.6"}, 500 → {@code "50.0"}. */
    public static String format(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long magnitude = Math.abs(tenths);
        return sign + magnitude / 10 + "." + magnitude % 10;
    }

    /**
     * One term of the sum.
     *
     * @param label      what the term counts, e.g. {@code "spouse's social insurance (members[1])"}
     * @param expression how it is computed, in points, e.g. {@code "1.2 × 8 years"}
     * @param tenths     its value in tenths of a point
     */
    public record Term(String label, String expression, long tenths) {
    }
}
