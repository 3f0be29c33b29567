package org.yaohao.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedDateHolidaysTest {

    @Test
    void standsInForYearsPastTheShippedOnesWithTheirFixedDateHolidaysOnly(@TempDir Path directory) {
        WorkingDayCalendar calendar = WorkingDayCalendar.load(
                FixedDateHolidays.writeMissingYears(directory, 2026, 2028));

        assertThat(calendar.years()).contains(2026, 2027, 2028);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();  // National Day, a Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).isTrue();   // the Monday after
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isTrue();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2029, 1, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2029");
    }

    @Test
    void leavesShippedYearsAndYearsAlreadyThereAlone(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("2027.json"), "{\"year\": 2027, \"holidays\": [\"2027-02-08\"], "
                + "\"workingWeekends\": []}");

        FixedDateHolidays.writeMissingYears(directory, 2026, 2027);

        assertThat(directory.resolve("2026.json")).doesNotExist();
        WorkingDayCalendar calendar = WorkingDayCalendar.load(directory);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // a Saturday the shipped notice makes a working day
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();  // the operator's file, not the stand-in
    }
}
