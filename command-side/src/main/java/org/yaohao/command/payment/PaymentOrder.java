package org.yaohao.command.payment;

/**
 * The gateway's answer to a payment request: its reference (the same reference comes back in the callback), whether
 * the money is already received ({@code SETTLED}) or the payer still has to confirm at the gateway ({@code PENDING},
 * with the address to send them to).
 */
public record PaymentOrder(String paymentReference, String status, String payerRedirectUrl) {
}
