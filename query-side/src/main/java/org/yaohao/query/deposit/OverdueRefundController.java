package org.yaohao.query.deposit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.deposit.FindOverdueRefundsQuery;
import org.yaohao.kernel.deposit.OverdueRefundView;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Operators' list of refunds not confirmed by their due date. */
@RestController
@RequestMapping("/api/deposits")
class OverdueRefundController {

    private final QueryGateway queryGateway;

    OverdueRefundController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** 200 with a JSON array (empty when nothing is overdue), earliest due date first, then by deposit id. */
    @GetMapping("/overdue-refunds")
    CompletableFuture<ResponseEntity<List<OverdueRefundView>>> overdueRefunds() {
        return queryGateway.query(new FindOverdueRefundsQuery(),
                                  ResponseTypes.multipleInstancesOf(OverdueRefundView.class))
                           .thenApply(ResponseEntity::ok);
    }
}
