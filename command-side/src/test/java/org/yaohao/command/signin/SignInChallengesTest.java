package org.yaohao.command.signin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SignInChallengesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void theRightCodeSignsInOnce() {
        SignInChallenges challenges = new SignInChallenges(Clock.fixed(T0, ZoneId.of("UTC")));
        SignInChallenges.Opened opened = challenges.open("2643806522199");

        assertThat(opened.oneTimeCode()).matches("\\d{6}");
        assertThat(challenges.confirm(opened.challengeId(), opened.oneTimeCode())).contains("2643806522199");
        assertThat(challenges.confirm(opened.challengeId(), opened.oneTimeCode())).isEmpty();
    }

    @Test
    void fiveWrongCodesCloseTheChallenge() {
        SignInChallenges challenges = new SignInChallenges(Clock.fixed(T0, ZoneId.of("UTC")));
        SignInChallenges.Opened opened = challenges.open("2643806522199");
        String wrong = opened.oneTimeCode().equals("000000") ? "000001" : "000000";

        for (int i = 0; i < SignInChallenges.MAX_ATTEMPTS; i++) {
            assertThat(challenges.confirm(opened.challengeId(), wrong)).isEmpty();
        }
        assertThat(challenges.confirm(opened.challengeId(), opened.oneTimeCode())).isEmpty();
    }

    @Test
    void anExpiredCodeNoLongerSignsIn() {
        Instant[] now = {T0};
        Clock clock = new Clock() {
            public ZoneId getZone() { return ZoneId.of("UTC"); }
            public Clock withZone(ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        SignInChallenges challenges = new SignInChallenges(clock);
        SignInChallenges.Opened opened = challenges.open("2643806522199");
        now[0] = T0.plus(Duration.ofMinutes(SignInChallenges.VALIDITY_MINUTES));

        assertThat(challenges.confirm(opened.challengeId(), opened.oneTimeCode())).isEmpty();
    }

    @Test
    void aPhoneIsShownWithItsFirstThreeAndLastFourDigits() {
        assertThat(ApplicantSignInController.masked("13800138000")).isEqualTo("138****8000");
    }
}
