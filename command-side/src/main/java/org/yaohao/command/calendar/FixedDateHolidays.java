package org.yaohao.command.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in calendar year for a year whose State Council notice is not in hand: only the holidays on fixed Gregorian
 * dates (New Year's Day, Labour Day 1–3 May, National Day 1–3 October), no lunar holidays and no adjusted working
 * weekends. For a demonstration or a test whose clock runs past the shipped years; never for real deadlines, which
 * need the year's notice in {@code yaohao.calendar.directory}.
 */
public final class FixedDateHolidays {

    private FixedDateHolidays() {
    }

    /** The year file ({@link CalendarYear}'s format) of {@code year}'s fixed-date holidays. */
    public static String yearFile(int year) {
        return "{\"year\": " + year + ", \"holidays\": [\"" + year + "-01-01\", \"" + year + "-05-01\", \"" + year
                + "-05-02\", \"" + year + "-05-03\", \"" + year + "-10-01\", \"" + year + "-10-02\", \"" + year
                + "-10-03\"], \"workingWeekends\": []}\n";
    }

    /**
     * Writes {@code <year>.json} into {@code directory} for every year from {@code from} to {@code to} (inclusive) that
     * is neither shipped nor already there, and answers the directory.
     */
    public static Path writeMissingYears(Path directory, int from, int to) {
        try {
            Files.createDirectories(directory);
            for (int year = from; year <= to; year++) {
                Path file = directory.resolve(year + ".json");
                if (!WorkingDayCalendar.SHIPPED_YEARS.contains(year) && !Files.exists(file)) {
                    Files.writeString(file, yearFile(year));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stand-in calendar years into " + directory, e);
        }
    }
}
