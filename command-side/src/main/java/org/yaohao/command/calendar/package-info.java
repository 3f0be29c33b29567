/**
 * The Chinese working-day calendar: which days count as working days (工作日) when the rule book gives a deadline
 * in working days, such as the deposit refund ("non-winners' deposits go back within 7 working days of
 * publication"). {@link org.yaohao.command.calendar.WorkingDayCalendar} states the rule; the data comes from the
 * State Council General Office's yearly notice on public holiday arrangements, one JSON file per year under
 * {@code calendar/} on the classpath, plus any year an operator adds in {@code yaohao.calendar.directory}.
 */
package org.yaohao.command.calendar;
