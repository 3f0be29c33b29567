package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;

/** What one rule found wrong, before {@link PrequalificationChecks} names the registry and the subject. */
record Failure(RejectionReason reason, String detail) {
}
