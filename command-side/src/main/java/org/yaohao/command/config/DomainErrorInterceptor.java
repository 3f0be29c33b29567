package org.yaohao.command.config;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.common.ErrorDetails;

import java.util.Map;

/**
 * Turns a rule refusal into a {@link CommandExecutionException} whose details are the {@link ErrorDetails}, so the
 * HTTP layer maps it the same whether the command ran here or on another node behind Axon Server.
 */
public class DomainErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.details());
        } catch (AggregateNotFoundException e) {
            ErrorDetails details = QuotaId.class.getPackage().equals(unitOfWork.getMessage().getPayloadType().getPackage())
                    ? new ErrorDetails(ErrorCode.QUOTA_NOT_FOUND, "quotaId",
                            "no quota has id " + e.getAggregateIdentifier(), Map.of())
                    : new ErrorDetails(ErrorCode.APPLICATION_NOT_FOUND, "code",
                            "no application has code " + e.getAggregateIdentifier(), Map.of());
            throw new CommandExecutionException(details.detail(), null, details);
        }
    }
}
