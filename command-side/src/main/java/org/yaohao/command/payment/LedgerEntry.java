package org.yaohao.command.payment;

import java.time.Instant;

/**
 * One line of the embedded gateway's ledger: money in ({@code PAYMENT}) or money back ({@code PAYOUT}).
 *
 * @param reference        the gateway's reference of this line ({@code PAY-…} or {@code OUT-…})
 * @param depositId        what the money is for: a deposit's id, or for a quota extension's fee the quota's id
 * @param paymentReference the payment this line is or returns: a payment's own reference, a payout's payment
 * @param maskedAccount    the account as the gateway shows it; the ledger never holds an account in clear
 */
record LedgerEntry(Kind kind, String reference, String depositId, String paymentReference, long amountFen,
                   String method, String maskedAccount, Instant at) {

    enum Kind { PAYMENT, PAYOUT }
}
