package org.yaohao.kernel.policy;

/**
 * How a policy computes family points. Points keep one decimal: the guide's coefficients are in tenths of a point,
 * the municipal formula's in whole points (it has no fractions).
 *
 * @param formula   which formula the policy uses
 * @param guide     the 2023 guide's reading (rule book, "Family points — 2023 policy"), when {@code formula} is GUIDE_2023
 * @param municipal the municipal formula, when {@code formula} is MUNICIPAL_2021
 */
public record FamilyPointsRule(Formula formula, Guide guide, Municipal municipal) {

    public enum Formula { GUIDE_2023, MUNICIPAL_2021 }

    /**
     * base = {@code baseTenths} + {@code perGenerationTenths} × generations; plus per year of social insurance
     * {@code mainPerYearTenths} (main applicant), {@code spousePerYearTenths} (spouse), {@code otherAdultPerYearTenths}
     * (each other adult member); plus {@code perRoundWithoutWinningTenths} per round entered without winning.
     */
    public record Guide(int baseTenths, int perGenerationTenths, int mainPerYearTenths, int spousePerYearTenths,
                        int otherAdultPerYearTenths, int perRoundWithoutWinningTenths) {
    }

    /**
     * Main applicant {@code mainBase}, every other member {@code otherBase}; each member adds {@code perStep} per
     * lottery step held and {@code perYearApplied} per full year the family has applied; total =
     * [(main + spouse) × 2 + Σ others] × generations (spouse absent: (main + Σ others) × generations), generations
     * capped at {@code maxGenerations}.
     */
    public record Municipal(int mainBase, int otherBase, int perStep, int perYearApplied, int maxGenerations) {
    }
}
