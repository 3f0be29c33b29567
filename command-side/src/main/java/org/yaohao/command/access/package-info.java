/** Reads of unmasked personal data, by regulators only, each recorded in the event store before it is answered. */
package org.yaohao.command.access;
