package org.yaohao.command.payment;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ErrorDetails;

import javax.annotation.Nonnull;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Records which commands were sent, with their metadata, and answers as the deposit would be told to: accepted, or
 * refused with {@link ErrorDetails} like the DomainErrorInterceptor does. Only to assert what was sent; the deposit's
 * behaviour is tested with the aggregate.
 */
class RecordingCommandGateway implements CommandGateway {

    final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private volatile RuntimeException refusal;
    /** Runs while the command is "handled", e.g. to look at the ledger inside the caller's transaction. */
    private volatile BiFunction<CommandMessage<?>, Integer, Void> whileHandling = (c, n) -> null;

    /** Every following command is refused with this error. */
    void refuseWith(ErrorCode code, String field) {
        ErrorDetails details = new ErrorDetails(code, field, code.rule(), Map.of());
        refusal = new CommandExecutionException(details.detail(), null, details);
    }

    void accept() {
        refusal = null;
    }

    void whileHandling(BiFunction<CommandMessage<?>, Integer, Void> action) {
        whileHandling = action;
    }

    List<Object> payloads() {
        return sent.stream().map(m -> (Object) m.getPayload()).toList();
    }

    @Override
    public <R> R sendAndWait(@Nonnull Object command, long timeout, @Nonnull TimeUnit unit) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        sent.add(message);
        whileHandling.apply(message, sent.size());
        if (refusal != null) {
            throw refusal;
        }
        return null;
    }

    @Override
    public <R> R sendAndWait(@Nonnull Object command) {
        return sendAndWait(command, 30, TimeUnit.SECONDS);
    }

    @Override
    public <C, R> void send(@Nonnull C command, @Nonnull CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("payments wait for the deposit's answer");
    }

    @Override
    public <R> CompletableFuture<R> send(@Nonnull Object command) {
        throw new UnsupportedOperationException("payments wait for the deposit's answer");
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException();
    }
}
