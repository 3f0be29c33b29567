package org.yaohao.kernel.application;

/**
 * One failed pre-qualification check. {@code subject} names who failed it by role and masked ID number
 * (e.g. {@code "member 1 (SPOUSE) 110101********1234"}), never the raw number.
 */
public record FailedCheck(Registry registry, String subject, RejectionReason reason, String detail) {
}
