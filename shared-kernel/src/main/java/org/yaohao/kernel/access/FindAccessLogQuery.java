package org.yaohao.kernel.access;

/** The reads of unmasked personal data, newest first; of one application when {@code code} is given. */
public record FindAccessLogQuery(String code) {
}
