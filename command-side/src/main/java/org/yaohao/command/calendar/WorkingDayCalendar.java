package org.yaohao.command.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * When a deadline counted in working days falls due. Rule book: <em>"non-winners' deposits go back within
 * 7 working days of publication"</em>; a working day is one of the Chinese working-day calendar:
 * <ul>
 *     <li>Saturdays and Sundays are days off,</li>
 *     <li>the statutory holidays of the State Council's yearly notice are days off,</li>
 *     <li>the Saturdays and Sundays the notice makes working days (调休上班) are working days,</li>
 *     <li>every other day is a working day.</li>
 * </ul>
 * The calendar knows only the years it has a data file for (see {@link CalendarYear} for the format). It never
 * guesses: asking about a day of any other year throws {@link IllegalStateException} naming that year, so a
 * missing notice shows as a failure, not as a deadline that is silently a few days wrong. Add a year without a
 * release by putting {@code <year>.json} in the directory named by {@code yaohao.calendar.directory}.
 */
public final class WorkingDayCalendar {

    /** The years shipped under {@code calendar/} on the classpath, each as {@code calendar/<year>.json}. */
    static final List<Integer> SHIPPED_YEARS = List.of(2023, 2024, 2025, 2026);

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");
    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<Integer, CalendarYear> years;

    WorkingDayCalendar(Collection<CalendarYear> years) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("two calendars for " + year.year());
            }
        }
        this.years = byYear;
    }

    /** The calendar of the years shipped with this release ({@link #SHIPPED_YEARS}). */
    public static WorkingDayCalendar shipped() {
        return new WorkingDayCalendar(readShipped().values());
    }

    /**
     * The shipped years plus every {@code <year>.json} in {@code directory}. A year in the directory replaces the
     * shipped one (the State Council has amended a notice after publishing it, e.g. Spring Festival 2020), with a
     * warning in the log. Every file is validated; one bad file refuses the whole calendar.
     *
     * @throws IllegalStateException if {@code directory} is not a directory or a file in it is refused
     */
    public static WorkingDayCalendar load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("calendar directory " + directory + " does not exist or is not a directory");
        }
        Map<Integer, CalendarYear> years = readShipped();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the calendar directory " + directory, e);
        }
        for (Path file : files) {
            Matcher name = YEAR_FILE.matcher(file.getFileName().toString());
            if (!name.matches()) {
                throw new IllegalStateException("calendar file " + file + " is not named <year>.json");
            }
            CalendarYear year;
            try (InputStream in = Files.newInputStream(file)) {
                year = CalendarYear.read(in, Integer.parseInt(name.group(1)), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the calendar file " + file, e);
            }
            if (years.put(year.year(), year) != null) {
                log.warn("Calendar file {} replaces the shipped calendar of {}", file, year.year());
            }
        }
        return new WorkingDayCalendar(years.values());
    }

    private static Map<Integer, CalendarYear> readShipped() {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        for (int year : SHIPPED_YEARS) {
            String resource = "calendar/" + year + ".json";
            try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the classpath has no " + resource);
                }
                years.put(year, CalendarYear.read(in, year, "classpath:" + resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath:" + resource, e);
            }
        }
        return years;
    }

    /**
     * Whether {@code day} is a working day: an adjusted working weekend, or a Monday to Friday that is not a
     * statutory holiday.
     *
     * @throws IllegalStateException if the calendar has no data for the year of {@code day}
     */
    public boolean isWorkingDay(LocalDate day) {
        CalendarYear year = year(day.getYear());
        if (year.workingWeekends().contains(day)) {
            return true;
        }
        return !year.holidays().contains(day) && !CalendarYear.isWeekend(day);
    }

    /**
     * The {@code days}-th working day strictly after {@code from}: results published on Friday 2023-09-29, 7 working
     * days later is 2023-10-13 (30 Sep–6 Oct off, Saturday 7 and Sunday 8 Oct working). {@code from} itself need not
     * be a working day and its year need not be known; every day counted must be.
     *
     * @param days at least 1
     * @throws IllegalArgumentException if {@code days} is less than 1
     * @throws IllegalStateException    if the count reaches a year the calendar has no data for
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The years this calendar has data for, ascending. */
    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    /** The data of one year. */
    CalendarYear year(int year) {
        CalendarYear data = years.get(year);
        if (data == null) {
            throw new IllegalStateException("the working-day calendar has no data for " + year + " (it knows "
                    + years.keySet() + "); add " + year + ".json from the State Council's holiday notice for " + year
                    + " to yaohao.calendar.directory");
        }
        return data;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }
}
