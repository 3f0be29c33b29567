/**
 * Operators' view and control of the query side's projections: each one's position, lag behind the head of the log,
 * errors and dead letters, the retry of its dead letters, and its rebuild from the first event next to the live one.
 */
package org.yaohao.query.admin;
