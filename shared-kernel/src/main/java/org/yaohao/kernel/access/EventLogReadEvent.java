package org.yaohao.kernel.access;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A regulator read the global event log unmasked (every application's personal data in it), from the event after
 * {@code after}, at most {@code limit} events. Written before the first event is sent, like a
 * {@link PersonalDataReadEvent}.
 */
@Revision("1")
public record EventLogReadEvent(String reader, String role, long after, int limit, Instant readAt) {
}
