/**
 * Family points' published language: the composition of a family as the formula reads it
 * ({@link org.yaohao.kernel.familypoints.FamilyComposition}) and the points it scores, term by term
 * ({@link org.yaohao.kernel.familypoints.FamilyPoints}). No personal data: roles and counts only.
 */
package org.yaohao.kernel.familypoints;
