/**
 * Statistics for analysts, from events only: the {@code statistics} projection's counters in MongoDB collections
 * {@code statistics_*} (documented field by field in {@code docs/statistics.md}, readable directly, no personal data),
 * the tables computed from them ({@code GET /api/statistics/{name}} and {@code …/{name}.csv}), the charts
 * ({@code GET /api/statistics/charts/{name}.svg}) and the page {@code /statistics} that shows them, the look-ups per hour
 * counted as they are answered, and the policy what-if ({@code POST /api/statistics/what-if}), which re-runs a frozen
 * pool's draw under another policy's weights and changes nothing.
 */
package org.yaohao.query.statistics;
