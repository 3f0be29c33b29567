package org.yaohao.command.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yaohao.command.config.CommandSideConfiguration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Provides the {@link WorkingDayCalendar}: the shipped years, plus the {@code <year>.json} files in
 * {@code yaohao.calendar.directory} when that property is set. Public so the boot class may {@code @Import} it if it
 * does not scan this package.
 * <p>
 * The calendar never guesses a year it has no data for: a deadline counted in working days (a refund's 7 working
 * days) that reaches such a year is refused. So that this does not come as a surprise, a missing year is reported
 * ahead: at start in the log and at any time in {@code /actuator/health} (component {@code workingDayCalendar}), from
 * {@value #DAYS_OF_NOTICE} days before the year begins; a missing current year makes that component DOWN.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    /** Days before a new year from which its missing calendar is reported (its notice usually comes in November). */
    static final int DAYS_OF_NOTICE = 45;

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${yaohao.calendar.directory:}") String directory,
                                          ObjectProvider<Clock> clock) {
        WorkingDayCalendar calendar = directory.isBlank()
                ? WorkingDayCalendar.shipped()
                : WorkingDayCalendar.load(Path.of(directory.trim()));
        log.info("Working-day calendar covers {}", calendar.years());
        missingYear(calendar, today(clock)).ifPresent(log::warn);
        return calendar;
    }

    @Bean
    HealthIndicator workingDayCalendarHealthIndicator(WorkingDayCalendar calendar, ObjectProvider<Clock> clock) {
        return () -> {
            LocalDate today = today(clock);
            Health.Builder health = calendar.years().contains(today.getYear()) ? Health.up() : Health.down();
            health.withDetail("years", calendar.years());
            missingYear(calendar, today).ifPresent(warning -> health.withDetail("warning", warning));
            return health.build();
        };
    }

    /**
     * What is missing from {@code calendar} as of {@code today}: the current year, or the next one within
     * {@value #DAYS_OF_NOTICE} days of it; empty when nothing is.
     */
    static Optional<String> missingYear(WorkingDayCalendar calendar, LocalDate today) {
        int year = today.getYear();
        if (!calendar.years().contains(year)) {
            return Optional.of(notice(year, "now"));
        }
        LocalDate newYear = LocalDate.of(year + 1, 1, 1);
        if (!calendar.years().contains(year + 1) && !today.plusDays(DAYS_OF_NOTICE).isBefore(newYear)) {
            return Optional.of(notice(year + 1, "from " + newYear + " (or earlier: a deadline counted from late "
                    + year + " may reach into " + (year + 1) + ")"));
        }
        return Optional.empty();
    }

    private static String notice(int year, String when) {
        return "The working-day calendar has no data for " + year + ": refund due dates and other deadlines counted in "
                + "working days are refused " + when + ". Add " + year + ".json, from the State Council's holiday "
                + "notice for " + year + ", to the directory of yaohao.calendar.directory and restart.";
    }

    private static LocalDate today(ObjectProvider<Clock> clock) {
        return LocalDate.now(clock.getIfUnique(Clock::systemUTC).withZone(CommandSideConfiguration.BEIJING));
    }
}
