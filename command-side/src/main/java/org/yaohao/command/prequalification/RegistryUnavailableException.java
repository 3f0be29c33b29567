package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.Registry;

import java.util.Objects;

/**
 * A registry could not be asked (timeout, connection refused, server errors after every retry, an answer outside
 * the contract). This says nothing about the subject: pre-qualification counts the registry as unanswered and asks
 * again later; after the deadline the application goes to manual review (rule book, Lifecycle step 2).
 * <p>
 * The message names the registry and at most a masked ID number, never a raw one.
 */
public class RegistryUnavailableException extends RuntimeException {

    private final Registry registry;

    public RegistryUnavailableException(Registry registry, String message) {
        super(message);
        this.registry = Objects.requireNonNull(registry);
    }

    public Registry registry() {
        return registry;
    }
}
