/**
 * Audit for regulators, read from the event log itself, never from a projection: an application's whole history,
 * the global event stream as NDJSON for copying the history out, and the independent verification of a draw from the
 * log ({@link org.yaohao.command.audit.DrawReplay}), also run without a server on an exported stream.
 */
package org.yaohao.command.audit;
