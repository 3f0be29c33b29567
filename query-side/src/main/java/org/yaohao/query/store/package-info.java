/**
 * How the projections write to MongoDB: whole documents by {@code _id}, buffered per event batch and written in one
 * bulk write per collection just before the batch's tracking token.
 */
package org.yaohao.query.store;
