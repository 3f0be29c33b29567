/** The access log of unmasked personal-data reads, projected from the event store. */
package org.yaohao.query.access;
