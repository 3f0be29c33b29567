package org.yaohao.kernel.application;

/** A document by type and number or digest; the system never stores scans (rule book, Documents). */
public record DocumentReference(String type, String reference) {
}
