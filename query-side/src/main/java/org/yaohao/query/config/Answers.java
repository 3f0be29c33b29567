package org.yaohao.query.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The answer of a query, waited for on the request's thread. For the hot look-ups: a controller that returns the
 * query bus's future makes Spring MVC finish the request in an asynchronous dispatch, which runs the whole filter chain
 * (security included) a second time, although a query answered in this process is complete by the time it returns.
 */
public final class Answers {

    private Answers() {
    }

    /** The future's value; its failure's cause thrown as it is, for the problem handler to map. */
    public static <T> T now(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
