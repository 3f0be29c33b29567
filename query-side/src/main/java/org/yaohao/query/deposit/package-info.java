/**
 * The operators' read model of deposit refunds: {@code overdue_refunds}, one document per refund not confirmed by
 * its due date, kept by {@link org.yaohao.query.deposit.OverdueRefundsProjection}, answered to
 * {@code FindOverdueRefundsQuery} and served at {@code GET /api/deposits/overdue-refunds}.
 * <p>
 * A deposit's own status (amount due, instalments, refund due date, outcome) is shown inside the application's
 * status, see {@code org.yaohao.query.application}.
 */
package org.yaohao.query.deposit;
