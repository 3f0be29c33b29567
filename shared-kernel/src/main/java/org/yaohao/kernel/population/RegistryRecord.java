package org.yaohao.kernel.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * What the registries know of one synthetic person, in the terms of the file registry (docs/registry-contract.md):
 * social insurance periods ({@code to} null while still paying), income tax in fen per calendar year, the driving
 * licence's last valid day (null: the licence registry has no record), residence and cars registered in Beijing.
 */
public record RegistryRecord(String idNumber, String label, List<Period> socialInsurance,
                             SortedMap<Integer, Long> incomeTaxFenByYear, LocalDate drivingLicenceValidUntil,
                             boolean beijingHukou, boolean workResidencePermit, LocalDate residencePermitValidUntil,
                             int passengerCarsRegisteredInBeijing) {

    /** Months paid, both ends inclusive; {@code to} null while still paying. */
    public record Period(YearMonth from, YearMonth to) {
    }
}
