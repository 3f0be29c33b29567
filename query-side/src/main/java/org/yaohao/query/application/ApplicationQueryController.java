package org.yaohao.query.application;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.FindApplicationStatusQuery;
import org.yaohao.kernel.application.FindRecommendationQuery;
import org.yaohao.kernel.application.RecommendationView;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.query.config.Answers;

import java.util.concurrent.CompletableFuture;

/** An application's status as the public sees it. Refusals become problem details in {@code QueryProblemHandler}. */
@RestController
@RequestMapping("/api/applications")
class ApplicationQueryController {

    private final QueryGateway queryGateway;

    ApplicationQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * 200 with the view; 400 when {@code code} is not a well-formed application code; 404 when no application has it.
     */
    @GetMapping("/{code}")
    ResponseEntity<ApplicationStatusView> status(@PathVariable("code") String code) {
        FindApplicationStatusQuery query = new FindApplicationStatusQuery(parse(code));
        return Answers.now(queryGateway.query(query, ResponseTypes.optionalInstanceOf(ApplicationStatusView.class)))
                      .map(ResponseEntity::ok)
                      .orElseThrow(ApplicationNotFoundException::new);
    }

    /**
     * 200 with the recommended quota type and, per type, the next scheduled round, the live pool and the estimated
     * chance; 400 when {@code code} is not a well-formed application code; 404 when no application has it.
     */
    @GetMapping("/{code}/recommendation")
    CompletableFuture<ResponseEntity<RecommendationView>> recommendation(@PathVariable("code") String code) {
        FindRecommendationQuery query = new FindRecommendationQuery(parse(code));
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(RecommendationView.class))
                           .thenApply(view -> view.map(ResponseEntity::ok)
                                                  .orElseThrow(ApplicationNotFoundException::new));
    }

    /** The code, or a refusal naming the rule it breaks (format or check digit), as decided by the kernel. */
    private static ApplicationCode parse(String code) {
        try {
            return ApplicationCode.of(code);
        } catch (InvalidValueException e) {
            throw new InvalidApplicationCodeException(e.errorCode(), e.getMessage());
        }
    }
}
