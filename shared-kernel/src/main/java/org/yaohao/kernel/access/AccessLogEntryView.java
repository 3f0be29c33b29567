package org.yaohao.kernel.access;

import java.time.Instant;

/** One read of unmasked personal data: whose application, by whom, in which role, when. */
public record AccessLogEntryView(String code, String reader, String role, Instant readAt) {
}
