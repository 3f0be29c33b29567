package org.yaohao.kernel.access;

import org.axonframework.serialization.Revision;
import org.yaohao.kernel.common.ApplicationCode;

import java.time.Instant;

/**
 * Somebody read an application's personal data unmasked (ID numbers, names, phones). Written to the event store
 * before the data is shown, so the access log is as append-only as the rest of the history: nobody, the reader
 * included, can erase it.
 */
@Revision("1")
public record PersonalDataReadEvent(ApplicationCode code, String reader, String role, Instant readAt) {
}
