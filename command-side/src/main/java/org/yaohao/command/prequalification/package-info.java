/**
 * Pre-qualification's registry side (rule book, Lifecycle step 2): the {@link
 * org.yaohao.command.prequalification.RegistryPort} to the external registries with its file and HTTP adapters, the
 * records the registries answer with, one rule class per check, and {@link
 * org.yaohao.command.prequalification.PrequalificationChecks}, which asks the registries an application needs and
 * names every failed check. The HTTP contract and the shipped sample data are described in
 * {@code docs/registry-contract.md}.
 */
package org.yaohao.command.prequalification;
