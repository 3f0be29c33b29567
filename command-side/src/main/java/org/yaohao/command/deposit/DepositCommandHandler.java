package org.yaohao.command.deposit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.yaohao.command.application.ApplicationLookup;
import org.yaohao.command.calendar.WorkingDayCalendar;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.deposit.CarryOverDepositCommand;
import org.yaohao.kernel.deposit.ChooseDepositCarryOverCommand;
import org.yaohao.kernel.deposit.DepositStatus;
import org.yaohao.kernel.deposit.RefundReason;
import org.yaohao.kernel.deposit.ConfirmDepositRefundCommand;
import org.yaohao.kernel.deposit.ConvertDepositCommand;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.RecordDepositPaymentCommand;
import org.yaohao.kernel.deposit.RefundLine;
import org.yaohao.kernel.deposit.RequestDepositCommand;
import org.yaohao.kernel.deposit.ScheduleDepositRefundCommand;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The deposit's commands. Opening a deposit and taking a payment look at the application too (it must exist, be
 * active, and the round must be of its quota type); the refund's due date comes from the working-day calendar:
 * "within 7 working days" (statutory holidays off, adjusted weekend working days on).
 */
@Component
class DepositCommandHandler {

    private final Repository<Deposit> deposits;
    private final ApplicationLookup applications;
    private final PolicyCatalog policies;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DepositCommandHandler(Repository<Deposit> deposits, ApplicationLookup applications, PolicyCatalog policies,
                          WorkingDayCalendar calendar, Clock clock) {
        this.deposits = deposits;
        this.applications = applications;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
    }

    @CommandHandler
    public DepositId handle(RequestDepositCommand command) throws Exception {
        DepositId id = command.depositId();
        QuotaType quotaType = applications.activeQuotaType(id.applicationCode());
        if (id.roundId().quotaType() != quotaType) {
            throw new DomainException(ErrorCode.ROUND_TYPE_MISMATCH, "roundId",
                    "round " + id.roundId() + " allocates " + id.roundId().quotaType() + " quota; the application "
                            + "competes for " + quotaType);
        }
        if (exists(id)) {
            throw new DomainException(ErrorCode.DEPOSIT_EXISTS, "roundId",
                    "the application already has deposit " + id);
        }
        Policy policy = policies.active();
        deposits.newInstance(() -> new Deposit(id, quotaType, command.plan(), policy));
        return id;
    }

    @CommandHandler
    public void handle(RecordDepositPaymentCommand command) {
        Aggregate<Deposit> deposit = load(command.depositId());
        applications.activeQuotaType(command.depositId().applicationCode());
        deposit.execute(d -> d.recordPayment(command));
    }

    @CommandHandler
    public void handle(ChooseDepositCarryOverCommand command) {
        applications.activeQuotaType(command.depositId().applicationCode());
        load(command.depositId()).execute(d -> d.chooseCarryOver(command.nextRound()));
    }

    /**
     * Refunds what was paid, due the policy's working days after {@code basisDate}; a non-winner who chose to carry
     * the deposit over gets it carried to the round they chose instead.
     */
    @CommandHandler
    public void handle(ScheduleDepositRefundCommand command, DeadlineManager deadlines) throws Exception {
        Aggregate<Deposit> deposit = load(command.depositId());
        RoundId choice = deposit.invoke(Deposit::carryOverChoice);
        if (command.reason() == RefundReason.NOT_WON && choice != null
                && deposit.invoke(Deposit::status) == DepositStatus.PAID_IN_FULL) {
            handle(new CarryOverDepositCommand(command.depositId(), choice));
            return;
        }
        Policy policy = policies.active();
        LocalDate due = calendar.addWorkingDays(command.basisDate(), policy.refundWorkingDays());
        deposit.execute(d -> d.scheduleRefund(command.reason(), due, deadlines));
    }

    @CommandHandler
    public void handle(ConfirmDepositRefundCommand command, DeadlineManager deadlines) {
        load(command.depositId()).execute(d -> d.confirmRefund(command.paymentReference(),
                command.payoutReference(), command.refundedAt(), deadlines));
    }

    @CommandHandler
    public void handle(ConvertDepositCommand command) {
        load(command.depositId()).execute(Deposit::convert);
    }

    @CommandHandler
    public DepositId handle(CarryOverDepositCommand command) throws Exception {
        List<RefundLine> carried = load(command.depositId()).invoke(d -> d.carryOver(command.nextRound()));
        DepositId next = DepositId.of(command.depositId().applicationCode(), command.nextRound());
        if (exists(next)) {
            throw new DomainException(ErrorCode.DEPOSIT_EXISTS, "nextRoundId",
                    "the application already has deposit " + next);
        }
        Policy policy = policies.active();
        deposits.newInstance(() -> new Deposit(next, command.nextRound().quotaType(), policy, carried,
                clock.instant()));
        return next;
    }

    private boolean exists(DepositId id) {
        try {
            deposits.load(id.value());
            return true;
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    private Aggregate<Deposit> load(DepositId id) {
        try {
            return deposits.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.DEPOSIT_NOT_FOUND, "depositId", "no deposit has id " + id);
        }
    }
}
