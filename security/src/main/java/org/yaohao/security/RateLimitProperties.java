package org.yaohao.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yaohao.rate-limit.*}: requests per minute on applicant sign-in and on look-ups of one application, per client
 * (network address) and per application code. Staff (signed-in users of the other roles) are not limited.
 */
@ConfigurationProperties("yaohao.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("10") int signInPerClient,
                                  @DefaultValue("5") int signInPerCode,
                                  @DefaultValue("120") int lookupPerClient,
                                  @DefaultValue("60") int lookupPerCode) {
}
