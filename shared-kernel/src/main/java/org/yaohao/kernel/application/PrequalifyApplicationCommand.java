package org.yaohao.kernel.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.yaohao.kernel.common.ApplicationCode;

import java.util.List;

/** Every registry answered and every check passed. */
public record PrequalifyApplicationCommand(@TargetAggregateIdentifier ApplicationCode code,
                                           List<Registry> registriesConsulted,
                                           List<Integer> socialInsuranceYears) {

    public PrequalifyApplicationCommand {
        socialInsuranceYears = socialInsuranceYears == null ? List.of() : List.copyOf(socialInsuranceYears);
    }

    public PrequalifyApplicationCommand(ApplicationCode code, List<Registry> registriesConsulted) {
        this(code, registriesConsulted, List.of());
    }
}
