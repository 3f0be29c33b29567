package org.yaohao.query.statistics;

import org.yaohao.kernel.application.ApplicantKind;

/**
 * A cell of a pool's statistics: the entries of one kind of application with one weight, keyed
 * {@code <KIND>_<weight>} ({@code UNKNOWN} for an application the statistics never saw).
 */
record PoolCell(String kind, long weight) {

    static final String UNKNOWN = "UNKNOWN";

    static String key(ApplicantKind kind, long weight) {
        return (kind == null ? UNKNOWN : kind.name()) + "_" + weight;
    }

    static PoolCell parse(String key) {
        int underscore = key.lastIndexOf('_');
        return new PoolCell(key.substring(0, underscore), Long.parseLong(key.substring(underscore + 1)));
    }
}
