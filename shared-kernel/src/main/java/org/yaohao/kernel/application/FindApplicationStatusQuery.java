package org.yaohao.kernel.application;

import org.yaohao.kernel.common.ApplicationCode;

/** What an applicant sees of their application. Answered with an {@link ApplicationStatusView} or nothing. */
public record FindApplicationStatusQuery(ApplicationCode code) {
}
