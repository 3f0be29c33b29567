package org.yaohao.command.payment;

import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.quota.ExtensionRequest;

/**
 * The payment gateway. Money moves only through it: a payment is requested here and reported back through
 * {@link PaymentCallbacks} (the gateway's callback), a refund is paid out by the payment's original route and
 * confirmed the same way.
 */
public interface PaymentPort {

    /**
     * Asks the gateway to collect {@code amount} for the deposit from the payer's account.
     *
     * @param method  e.g. {@code BANK_CARD}, {@code ALIPAY}, {@code WECHAT_PAY}
     * @param account the payer's account at that method; the gateway keeps it, Yaohao only ever sees it masked
     */
    PaymentOrder requestPayment(DepositId depositId, MoneyFen amount, String method, String account);

    /**
     * Asks the gateway to collect a quota extension's fee ({@code request.fee()}) from the payer's account; the
     * extension takes effect when the gateway reports the money through {@link PaymentCallbacks#extensionFeeReceived}.
     */
    PaymentOrder requestExtensionFee(ExtensionRequest request, String method, String account);

    /** Asks the gateway to pay one payment back by its original route; the gateway confirms through the callback. */
    void requestPayout(DepositId depositId, RefundLine refund);
}
