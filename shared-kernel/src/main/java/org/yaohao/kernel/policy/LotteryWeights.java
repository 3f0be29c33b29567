package org.yaohao.kernel.policy;

/**
 * Lottery weights of the ordinary PERSONAL pool (2023): an individual weighs {@code individualWeightPerStep} ×
 * step, step = 1 + ⌊earlier rounds entered without winning ÷ {@code stepDivisor}⌋; a family weighs
 * {@code familyWeightPerPoint} × family points; an enterprise entry weighs 1 per requested quota.
 */
public record LotteryWeights(int individualWeightPerStep, int stepDivisor, int familyWeightPerPoint) {
}
