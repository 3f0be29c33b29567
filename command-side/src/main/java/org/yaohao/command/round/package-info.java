/**
 * Allocation rounds (摇号/配置) and the verifiable draw: a round is scheduled from the policy's plan, the regulator
 * commits to a seed, the pools are frozen from the event history as it stood at the cut-off, the seed is revealed
 * and every pool is drawn by draw-algorithm.md (v1) or ranked, and the results are published.
 */
package org.yaohao.command.round;
