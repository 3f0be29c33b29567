package org.yaohao.kernel.deposit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A winner's deposit becomes the vehicle fee (车工本费). */
public record ConvertDepositCommand(@TargetAggregateIdentifier DepositId depositId) {
}
