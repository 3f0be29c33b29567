package org.yaohao.command.prequalification;

import java.util.Map;

/**
 * What the tax registry knows of one person's Beijing individual income tax: the tax paid per calendar year, in
 * fen. A year that is absent means no tax was paid that year.
 */
public record IncomeTaxRecord(Map<Integer, Long> taxPaidFenByYear) {

    public IncomeTaxRecord {
        taxPaidFenByYear = taxPaidFenByYear == null ? Map.of() : Map.copyOf(taxPaidFenByYear);
    }

    /** Tax paid in {@code year}, in fen; 0 when the registry lists nothing for that year. */
    public long taxPaidFen(int year) {
        return taxPaidFenByYear.getOrDefault(year, 0L);
    }
}
