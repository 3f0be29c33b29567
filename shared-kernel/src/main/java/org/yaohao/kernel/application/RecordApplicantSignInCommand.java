package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

/**
 * The applicant confirmed a sign-in with the one-time code sent to their phone, from a device known by its
 * fingerprint (a SHA-256 of the device id the app or browser sent, never the id itself).
 */
public record RecordApplicantSignInCommand(@TargetAggregateIdentifier ApplicationCode code, String deviceFingerprint) {
}
