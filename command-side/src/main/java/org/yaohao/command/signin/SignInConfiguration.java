package org.yaohao.command.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    SignInChallenges signInChallenges(Clock clock) {
        return new SignInChallenges(clock);
    }
}
