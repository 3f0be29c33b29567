package org.yaohao.kernel.application;

import org.yaohao.kernel.common.ApplicationCode;

/**
 * Which quota type an application would do better in, estimated from the live pools and the next scheduled round of
 * each type (rule book, Lifecycle step 3). Answered with a {@link RecommendationView} or nothing (unknown code).
 */
public record FindRecommendationQuery(ApplicationCode code) {
}
