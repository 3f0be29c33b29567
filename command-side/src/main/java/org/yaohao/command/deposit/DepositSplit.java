package org.yaohao.command.deposit;

import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.policy.Policy;

import java.util.ArrayList;
import java.util.List;

/**
 * "Deposit: 2,000 yuan for ordinary, 1,000 yuan for new-energy; paid in full or in 3 interest-free instalments."
 * The split is defined once: the amount in fen divided by the number of instalments, the remainder fen going to the
 * first instalments (200,000 fen → 66,667 + 66,667 + 66,666).
 */
final class DepositSplit {

    private DepositSplit() {
    }

    static MoneyFen amountDue(QuotaType quotaType, Policy policy) {
        return MoneyFen.ofYuan(quotaType == QuotaType.ORDINARY ? policy.depositOrdinaryYuan()
                : policy.depositNewEnergyYuan());
    }

    static List<MoneyFen> instalments(MoneyFen amount, PaymentPlan plan, Policy policy) {
        int parts = plan == PaymentPlan.FULL ? 1 : policy.depositInstalments();
        long base = amount.fen() / parts;
        long remainder = amount.fen() % parts;
        List<MoneyFen> split = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            split.add(MoneyFen.ofFen(base + (i < remainder ? 1 : 0)));
        }
        return List.copyOf(split);
    }
}
