package org.yaohao.command.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year of the State Council's holiday arrangements, as read from {@code <year>.json}:
 * <pre>{"year": 2023, "holidays": ["2023-01-01", "2023-01-02", ...], "workingWeekends": ["2023-01-28", ...]}</pre>
 * {@code holidays} lists every day off of the notice within this year, including those that fall on a weekend
 * anyway (kept so the file reads like the notice); {@code workingWeekends} lists the Saturdays and Sundays that
 * are working days (调休上班). A holiday period that starts in the previous year (2022-12-31 for New Year 2023)
 * is split: each file only holds days of its own year.
 *
 * @param holidays        the days off, sorted
 * @param workingWeekends the adjusted working Saturdays and Sundays, sorted
 */
record CalendarYear(int year, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    CalendarYear {
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        workingWeekends = Collections.unmodifiableSortedSet(new TreeSet<>(workingWeekends));
    }

    /**
     * Reads and validates one year file.
     *
     * @param expectedYear the year the file is named for ({@code 2027.json} holds 2027)
     * @param source       where the file came from, for messages
     * @throws IllegalStateException if the file is malformed, has unknown fields, or breaks a rule of the format
     */
    static CalendarYear read(InputStream in, int expectedYear, String source) throws IOException {
        YearFile file;
        try {
            file = JSON.readValue(in, YearFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalStateException("calendar file " + source + " is not a valid year file: "
                    + e.getOriginalMessage() + where, e);
        }
        return validate(file, expectedYear, source);
    }

    private static CalendarYear validate(YearFile file, int expectedYear, String source) {
        String prefix = "calendar file " + source + ": ";
        if (file == null || file.year() == null) {
            throw new IllegalStateException(prefix + "lacks \"year\"");
        }
        if (file.year() != expectedYear) {
            throw new IllegalStateException(prefix + "says year " + file.year() + " but is the file for "
                    + expectedYear + " (one file per year, named <year>.json)");
        }
        Set<LocalDate> holidays = dates(file.holidays(), "holidays", file.year(), prefix);
        Set<LocalDate> workingWeekends = dates(file.workingWeekends(), "workingWeekends", file.year(), prefix);
        if (holidays.isEmpty()) {
            throw new IllegalStateException(prefix + "lists no holidays; every year has some (at least New Year)");
        }
        for (LocalDate day : workingWeekends) {
            if (!isWeekend(day)) {
                throw new IllegalStateException(prefix + "working weekend " + day + " is a " + day.getDayOfWeek()
                        + ", not a Saturday or Sunday");
            }
            if (holidays.contains(day)) {
                throw new IllegalStateException(prefix + day + " is both a holiday and a working weekend");
            }
        }
        return new CalendarYear(file.year(), holidays, workingWeekends);
    }

    private static Set<LocalDate> dates(List<LocalDate> listed, String field, int year, String prefix) {
        if (listed == null) {
            throw new IllegalStateException(prefix + "lacks \"" + field + "\" (write [] if there are none)");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (LocalDate day : listed) {
            if (day == null) {
                throw new IllegalStateException(prefix + "\"" + field + "\" contains null");
            }
            if (day.getYear() != year) {
                throw new IllegalStateException(prefix + field + " date " + day + " is not in " + year);
            }
            if (!dates.add(day)) {
                throw new IllegalStateException(prefix + field + " lists " + day + " twice");
            }
        }
        return dates;
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The file as written; fields are boxed so a missing one is told apart from an empty one. */
    private record YearFile(Integer year, List<LocalDate> holidays, List<LocalDate> workingWeekends) {
    }
}
