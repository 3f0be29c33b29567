package org.yaohao.kernel.population;

import java.util.SortedMap;

/**
 * A synthetic enterprise: what it declares ({@code taxPaidLastYearYuan}, {@code requestedQuotas}) and what the tax
 * registry knows ({@code registryTaxPaidYuanByYear}; null: unknown to the registry).
 */
public record SyntheticEnterprise(String creditCode, String name, long taxPaidLastYearYuan, int requestedQuotas,
                                  String label, SortedMap<Integer, Long> registryTaxPaidYuanByYear) {
}
