/**
 * The access log's published language: every read of unmasked personal data is an event, recorded before the data is
 * shown.
 */
package org.yaohao.kernel.access;
