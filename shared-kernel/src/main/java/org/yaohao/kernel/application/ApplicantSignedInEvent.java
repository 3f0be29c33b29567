package org.yaohao.kernel.application;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;

/**
 * The applicant signed in. {@code newDevice}: from a device not seen before for this application while another had
 * been (the guide's multi-device login alert goes out for it).
 */
@Revision("1")
public record ApplicantSignedInEvent(ApplicationCode code, String deviceFingerprint, boolean newDevice,
                                     Instant signedInAt) {
}
