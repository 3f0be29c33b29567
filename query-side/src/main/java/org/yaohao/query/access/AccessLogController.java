package org.yaohao.query.access;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.access.AccessLogEntryView;
import org.yaohao.kernel.access.FindAccessLogQuery;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Who read which application's personal data unmasked, and when: for regulators and administrators, read only. */
@RestController
class AccessLogController {

    private final QueryGateway queryGateway;

    AccessLogController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/access-log")
    CompletableFuture<ResponseEntity<List<AccessLogEntryView>>> accessLog(
            @RequestParam(required = false) String code) {
        return queryGateway.query(new FindAccessLogQuery(code),
                        ResponseTypes.multipleInstancesOf(AccessLogEntryView.class))
                .thenApply(ResponseEntity::ok);
    }
}
