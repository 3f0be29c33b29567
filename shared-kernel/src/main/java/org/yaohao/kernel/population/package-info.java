/**
 * A synthetic population of applicants for demonstrations and benchmarks: the application requests
 * ({@code POST /api/applications} bodies) together with the registry data (the file registry's format,
 * docs/registry-contract.md) that makes each of them pass or fail pre-qualification, so that the system itself decides.
 * Deterministic from a seed. Not used by the system's own rules.
 */
package org.yaohao.kernel.population;
