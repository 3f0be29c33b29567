package org.yaohao.kernel.deposit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deposit as shown inside an application's status. Amounts in fen. */
public record DepositView(String depositId, String roundId, DepositStatus status, PaymentPlan plan,
                          long amountDueFen, long paidFen, List<Instalment> instalments, Instant paidInFullAt,
                          LocalDate refundDueDate, boolean refundOverdue, Instant refundedAt, Instant convertedAt,
                          String carriedOverTo) {

    /** One part of the split: its amount and, once paid, when. */
    public record Instalment(int number, long amountFen, Instant paidAt) {
    }
}
