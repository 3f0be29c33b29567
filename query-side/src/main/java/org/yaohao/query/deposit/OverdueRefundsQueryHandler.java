package org.yaohao.query.deposit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.deposit.FindOverdueRefundsQuery;
import org.yaohao.kernel.deposit.OverdueRefundView;

import java.util.List;

/**
 * Answers {@link FindOverdueRefundsQuery}: every overdue refund, earliest due date first, then by deposit id. Callers
 * ask with {@code ResponseTypes.multipleInstancesOf(OverdueRefundView.class)}.
 */
@Component
class OverdueRefundsQueryHandler {

    private final OverdueRefundRepository repository;

    OverdueRefundsQueryHandler(OverdueRefundRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    List<OverdueRefundView> handle(FindOverdueRefundsQuery query) {
        return repository.findAllOverdue();
    }
}
