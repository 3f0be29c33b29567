package org.yaohao.command.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Provides the {@link WorkingDayCalendar}: the shipped years, plus the {@code <year>.json} files in
 * {@code yaohao.calendar.directory} when that property is set. Public so the boot class may {@code @Import} it if it
 * does not scan this package.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${yaohao.calendar.directory:}") String directory) {
        WorkingDayCalendar calendar = directory.isBlank()
                ? WorkingDayCalendar.shipped()
                : WorkingDayCalendar.load(Path.of(directory.trim()));
        log.info("Working-day calendar covers {}", calendar.years());
        return calendar;
    }
}
