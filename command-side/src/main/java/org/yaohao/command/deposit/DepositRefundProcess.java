package org.yaohao.command.deposit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.command.payment.PaymentPort;
import org.yaohao.command.process.OutcomeDispatcher;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.deposit.DepositCancelledEvent;
import org.yaohao.kernel.deposit.DepositCarriedOverEvent;
import org.yaohao.kernel.deposit.DepositConvertedEvent;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.deposit.ScheduleDepositRefundCommand;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gets a deposit's money back to the payer: "applicants may withdraw an application at any time before allocation;
 * a paid deposit is then refunded on the same 7-working-day rule", and every scheduled refund is paid out through
 * the gateway by each payment's original route. A payout the gateway does not take is asked again every hour; one
 * not confirmed by its due date is flagged overdue by the deposit itself.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DepositRefundProcess {

    static final String ACTING_USER = "system:deposit-refunds";
    static final String PAYOUT_RETRY = "deposit-payout-retry";
    static final Duration PAYOUT_RETRY_INTERVAL = Duration.ofHours(1);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(DepositRefundProcess.class);

    private DepositId depositId;
    private Map<String, RefundLine> payoutsOutstanding = new LinkedHashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositRequestedEvent event) {
        depositId = event.depositId();
        SagaLifecycle.associateWith("code", event.code().value());
    }

    @SagaEventHandler(associationProperty = "code")
    public void on(ApplicationWithdrawnEvent event, OutcomeDispatcher outcomes) {
        outcomes.send(new ScheduleDepositRefundCommand(depositId, RefundReason.WITHDRAWN,
                LocalDate.ofInstant(event.withdrawnAt(), BEIJING)), ACTING_USER);
    }

    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositRefundScheduledEvent event, PaymentPort payments, DeadlineManager deadlines) {
        event.refunds().forEach(line -> payoutsOutstanding.put(line.paymentReference(), line));
        payOut(payments, deadlines);
    }

    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositRefundLinePaidEvent event) {
        payoutsOutstanding.remove(event.paymentReference());
    }

    @DeadlineHandler(deadlineName = PAYOUT_RETRY, payloadType = Void.class)
    public void retryPayouts(PaymentPort payments, DeadlineManager deadlines) {
        payOut(payments, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositRefundedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(PAYOUT_RETRY);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositConvertedEvent event) {
        // the money became the vehicle fee: nothing goes back
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositCarriedOverEvent event) {
        // the money now belongs to the next round's deposit, which has a process of its own
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "depositId")
    public void on(DepositCancelledEvent event) {
        // nothing had been paid
    }

    private void payOut(PaymentPort payments, DeadlineManager deadlines) {
        boolean failed = false;
        for (RefundLine line : Map.copyOf(payoutsOutstanding).values()) {
            try {
                payments.requestPayout(depositId, line);
            } catch (RuntimeException e) {
                failed = true;
                log.warn("Deposit {}: payout of payment {} not taken by the gateway ({}: {}); asking again in {}",
                        depositId, line.paymentReference(), e.getClass().getSimpleName(), e.getMessage(), PAYOUT_RETRY_INTERVAL);
            }
        }
        if (failed) {
            deadlines.schedule(PAYOUT_RETRY_INTERVAL, PAYOUT_RETRY);
        }
    }
}
