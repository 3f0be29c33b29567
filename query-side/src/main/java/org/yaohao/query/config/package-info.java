/**
 * Cross-cutting wiring of the query side: the MongoDB database, the event processors of the projections with their
 * token store in that same database, and the mapping of query-side refusals to RFC 9457 problem details.
 */
package org.yaohao.query.config;
