package org.yaohao.query.store;

import java.util.List;

/**
 * Published in the application (a Spring event, not an Axon one) once these collections of the query database were
 * replaced as a whole, by a rebuild's switch-over: a {@link ReadCache} of them forgets everything.
 */
public record CollectionsReplacedEvent(List<String> collections) {
}
