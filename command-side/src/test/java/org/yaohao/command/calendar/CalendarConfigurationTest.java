package org.yaohao.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
