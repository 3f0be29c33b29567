package org.yaohao.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CalendarConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class);

    @Test
    void providesTheShippedCalendarWhenNoDirectoryIsConfigured() {
        runner.run(context -> assertThat(context.getBean(WorkingDayCalendar.class).years())
                .containsExactly(2023, 2024, 2025, 2026));
    }

    @Test
    void addsTheYearsOfTheConfiguredDirectory(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("2027.json"),
                "{\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekends\": []}");

        runner.withPropertyValues("yaohao.calendar.directory=" + directory)
                .run(context -> assertThat(context.getBean(WorkingDayCalendar.class).years())
                        .containsExactly(2023, 2024, 2025, 2026, 2027));
    }

    @Test
    void failsToStartOnABadCalendarFile(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("2027.json"),
                "{\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekends\": [\"2027-01-05\"]}");

        runner.withPropertyValues("yaohao.calendar.directory=" + directory)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void saysAheadThatNextYearIsMissing(CapturedOutput output) {
        runner.withBean(Clock.class, () -> at("2026-11-28T02:00:00Z"))
                .run(context -> {
                    Health health = calendarHealth(context);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat((String) health.getDetails().get("warning"))
                            .contains("no data for 2027").contains("2027.json").contains("yaohao.calendar.directory");
                });
        assertThat(output.getOut()).contains("WARN").contains("no data for 2027");
    }

    @Test
    void saysNothingWhileNextYearIsFarOrKnown(@TempDir Path directory) throws IOException {
        runner.withBean(Clock.class, () -> at("2026-11-01T02:00:00Z"))
                .run(context -> assertThat(calendarHealth(context).getDetails()).doesNotContainKey("warning"));
        Files.writeString(directory.resolve("2027.json"),
                "{\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekends\": []}");
        runner.withPropertyValues("yaohao.calendar.directory=" + directory)
                .withBean(Clock.class, () -> at("2026-12-30T02:00:00Z"))
                .run(context -> assertThat(calendarHealth(context).getDetails()).doesNotContainKey("warning"));
    }

    @Test
    void isDownWhenTheCurrentYearIsMissing() {
        runner.withBean(Clock.class, () -> at("2027-03-01T02:00:00Z"))
                .run(context -> {
                    Health health = calendarHealth(context);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) health.getDetails().get("warning")).contains("no data for 2027")
                            .contains("refused now");
                });
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Health calendarHealth(ApplicationContext context) {
        return context.getBean("workingDayCalendarHealthIndicator", HealthIndicator.class).health();
    }
}
