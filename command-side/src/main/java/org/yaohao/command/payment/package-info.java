/**
 * The payment side of deposits (rule book, Lifecycle steps 4 and 6): money moves only through the {@link
 * org.yaohao.command.payment.PaymentPort}, with an embedded gateway that settles at once and keeps its own ledger
 * ({@code yaohao.payment.mode=embedded}, the default) and an HTTP adapter to a real gateway ({@code http}). Whatever
 * the gateway, its reports become commands in one place, {@link org.yaohao.command.payment.PaymentCallbacks}; a real
 * gateway reaches it through the signed callback endpoint. Accounts are masked before they leave this package and
 * are never logged. The HTTP contract and the callback signature: {@code docs/payment-gateway-contract.md}.
 */
package org.yaohao.command.payment;
