package org.yaohao.command.payment;

/**
 * The gateway refused a request or did not answer: nothing is known to have moved. The message names the deposit
 * and the payment, never an account. Answered as a 502 problem by the payment endpoint; a process that asked for a
 * payout asks again later.
 */
public class PaymentGatewayException extends RuntimeException {

    public PaymentGatewayException(String message) {
        super(message);
    }
}
