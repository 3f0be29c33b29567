/**
 * Family points (家庭积分): {@link org.yaohao.command.familypoints.FamilyPointsCalculator}, the one home of the
 * rule, used by the draw's pools, and {@code POST /api/family-points/calculation}, which shows an applicant how
 * a family's total is made under a policy.
 */
package org.yaohao.command.familypoints;
