package org.yaohao.command.prequalification;

import java.util.Map;

/**
 * What the tax registry knows of one enterprise: the tax it paid per calendar year, in yuan. A year that is absent
 * means no tax was paid that year.
 */
public record EnterpriseTaxRecord(Map<Integer, Long> taxPaidYuanByYear) {

    public EnterpriseTaxRecord {
        taxPaidYuanByYear = taxPaidYuanByYear == null ? Map.of() : Map.copyOf(taxPaidYuanByYear);
    }

    /** Tax paid in {@code year}, in yuan; 0 when the registry lists nothing for that year. */
    public long taxPaidYuan(int year) {
        return taxPaidYuanByYear.getOrDefault(year, 0L);
    }
}
