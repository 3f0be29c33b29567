package org.yaohao.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The working-day calendar on the real 2023–2026 schedules of the State Council, and the files it refuses. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.shipped();

    @Test
    void sundayAfterNationalDay2023IsAnAdjustedWorkingDay() {
        LocalDate sunday = LocalDate.of(2023, 10, 8);

        assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(sunday)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 7))).isTrue();
    }

    @Test
    void mondayOfNationalDayWeek2023IsNoWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();
    }

    @Test
    void refundPublishedTheFridayBeforeNationalDay2023IsDueTheFridayAfterNext() {
        // 30 Sep–6 Oct off; Sat 7, Sun 8, Mon 9 … Fri 13 Oct are the 7 working days
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 9, 29), 7)).isEqualTo(LocalDate.of(2023, 10, 13));
    }

    @Test
    void refundPublishedTheFridayBeforeSpringFestival2024CountsTheWorkingSunday() {
        // 10–17 Feb off; Sun 18, Mon 19 … Fri 23, Mon 26 Feb are the 7 working days
        assertThat(calendar.addWorkingDays(LocalDate.of(2024, 2, 9), 7)).isEqualTo(LocalDate.of(2024, 2, 26));
    }

    @Test
    void anOrdinaryWeekWorksMondayToFridayAndRestsAtTheWeekend() {
        LocalDate monday = LocalDate.of(2024, 3, 11);

        for (int i = 0; i < 5; i++) {
            assertThat(calendar.isWorkingDay(monday.plusDays(i))).as("%s", monday.plusDays(i)).isTrue();
        }
        assertThat(calendar.isWorkingDay(monday.plusDays(5))).isFalse();
        assertThat(calendar.isWorkingDay(monday.plusDays(6))).isFalse();
        assertThat(calendar.addWorkingDays(monday, 7)).isEqualTo(LocalDate.of(2024, 3, 20));
    }

    @Test
    void countsFromTheDayAfterPublicationEvenWhenPublishedOnAHoliday() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 10, 1), 1)).isEqualTo(LocalDate.of(2023, 10, 7));
    }

    @Test
    void countsAcrossTheTurnOfTheYear() {
        // Fri 29 Dec 2023; Mon 1 Jan 2024 is New Year
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 12, 29), 1)).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void refusesToGuessForAYearWithoutData() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2030, 5, 6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2030");
    }

    @Test
    void refusesToCountIntoAYearWithoutData() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2027");
    }

    @Test
    void refusesToCountZeroWorkingDays() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2024, 3, 11), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shipsTheYears2023To2026() {
        assertThat(calendar.years()).containsExactly(2023, 2024, 2025, 2026);
    }

    @Test
    void shipsEveryYearFileOfTheResourcesDirectory() throws IOException {
        Path resources = Path.of(System.getProperty("basedir", "."), "src", "main", "resources", "calendar");
        try (Stream<Path> files = Files.list(resources)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            WorkingDayCalendar.SHIPPED_YEARS.stream().map(year -> year + ".json").toList());
        }
    }

    @Test
    void documents2023NewYearOnASundayAndLeavesItsDecember2022DayOffToTheYearBefore() {
        CalendarYear year2023 = calendar.year(2023);

        assertThat(year2023.holidays()).contains(LocalDate.of(2023, 1, 1)).hasSize(26);
        assertThat(year2023.workingWeekends()).hasSize(7);
        assertThat(weekdayHolidays(year2023)).isEqualTo(18);
    }

    /**
     * A plausibility check on each notice: a statutory holiday on a weekend is made up on a weekday and every
     * adjusted working weekend gives a weekday off in return, so weekday holidays minus working weekends is the number
     * of statutory holiday days: 11 until 2024, 13 from 2025 (Spring Festival Eve and 2 May added).
     */
    @ParameterizedTest(name = "{0}: {1} statutory days")
    @CsvSource({"2023, 11", "2024, 11", "2025, 13", "2026, 13"})
    void eachShippedYearGivesExactlyItsStatutoryHolidayDaysOffOnWeekdays(int year, int statutoryDays) {
        CalendarYear data = calendar.year(year);

        assertThat(weekdayHolidays(data) - data.workingWeekends().size()).isEqualTo(statutoryDays);
    }

    @Test
    void addsALaterYearFromTheDirectoryWithoutARelease(@TempDir Path directory) throws IOException {
        // invented for the test, not the real 2027 schedule
        Files.writeString(directory.resolve("2027.json"), """
                {"year": 2027, "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workingWeekends": ["2027-01-09"]}
                """);

        WorkingDayCalendar loaded = WorkingDayCalendar.load(directory);

        assertThat(loaded.years()).containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(loaded.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
        assertThat(loaded.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(loaded.isWorkingDay(LocalDate.of(2023, 10, 8))).isTrue();
    }

    @Test
    void aYearInTheDirectoryReplacesTheShippedOne(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("2024.json"), """
                {"year": 2024, "holidays": ["2024-01-01", "2024-03-11"], "workingWeekends": []}
                """);

        WorkingDayCalendar loaded = WorkingDayCalendar.load(directory);

        assertThat(loaded.isWorkingDay(LocalDate.of(2024, 3, 11))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2024, 2, 18))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a working weekend on a Tuesday | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekends\": [\"2027-01-05\"]} | 2027-01-05 is a TUESDAY",
            "a date of another year | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\", \"2028-01-03\"], \"workingWeekends\": []} | 2028-01-03 is not in 2027",
            "a day both off and working | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\", \"2027-01-09\"], \"workingWeekends\": [\"2027-01-09\"]} | 2027-01-09 is both",
            "a misspelled field | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekend\": [\"2027-01-09\"]} | Unrecognized field \"workingWeekend\"",
            "a missing list | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\"]} | lacks \"workingWeekends\"",
            "no holidays at all | 2027.json | {\"year\": 2027, \"holidays\": [], \"workingWeekends\": []} | lists no holidays",
            "a day listed twice | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\", \"2027-01-01\"], \"workingWeekends\": []} | twice",
            "a year other than its name | 2027.json | {\"year\": 2028, \"holidays\": [\"2028-01-01\"], \"workingWeekends\": []} | says year 2028",
            "a name that is no year | holidays.json | {\"year\": 2027, \"holidays\": [\"2027-01-01\"], \"workingWeekends\": []} | <year>.json",
            "a date that does not exist | 2027.json | {\"year\": 2027, \"holidays\": [\"2027-02-30\"], \"workingWeekends\": []} | 2027-02-30"})
    void refusesABadFileInTheDirectory(String problem, String name, String content, String message,
                                       @TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(name), content);

        assertThatThrownBy(() -> WorkingDayCalendar.load(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesADirectoryThatDoesNotExist(@TempDir Path directory) {
        assertThatThrownBy(() -> WorkingDayCalendar.load(directory.resolve("missing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }

    private static long weekdayHolidays(CalendarYear year) {
        return year.holidays().stream().filter(day -> !CalendarYear.isWeekend(day)).count();
    }
}
