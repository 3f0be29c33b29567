package org.yaohao.query.config;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCategory;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.query.admin.ProjectionProblem;
import org.yaohao.query.application.ApplicationNotFoundException;
import org.yaohao.query.application.InvalidApplicationCodeException;
import org.yaohao.query.quota.QuotaProblem;
import org.yaohao.query.round.InvalidRoundIdException;
import org.yaohao.query.round.RoundNotDrawnException;
import org.yaohao.query.round.RoundNotFoundException;
import org.yaohao.query.statistics.StatisticsRequestException;

import java.net.URI;

/**
 * Maps the query side's own refusals to RFC 9457 problem details: {@code type} = the error code's stable URI,
 * {@code title} = its rule, properties {@code code} (the error code's name) and {@code field}. Handles only the query
 * side's exception types and only for query-side controllers, ahead of other advice, so it neither clashes with nor
 * is shadowed by the command side's advice when both run in one application.
 */
@RestControllerAdvice(basePackages = "org.yaohao.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemHandler {

    @ExceptionHandler(InvalidApplicationCodeException.class)
    ResponseEntity<ProblemDetail> invalidCode(InvalidApplicationCodeException e) {
        return problem(e.details());
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ApplicationNotFoundException e) {
        return problem(e.details());
    }

    @ExceptionHandler(QuotaProblem.class)
    ResponseEntity<ProblemDetail> quota(QuotaProblem e) {
        return problem(e.details());
    }

    @ExceptionHandler({InvalidRoundIdException.class, RoundNotFoundException.class, RoundNotDrawnException.class,
                       StatisticsRequestException.class})
    ResponseEntity<ProblemDetail> round(DomainException e) {
        return problem(e.details());
    }

    @ExceptionHandler(ProjectionProblem.class)
    ResponseEntity<ProblemDetail> projection(ProjectionProblem e) {
        return problem(e.details());
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorDetails details) {
        HttpStatus status = status(details.code().category());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, details.detail());
        problem.setType(URI.create(details.code().type()));
        problem.setTitle(details.code().rule());
        problem.setProperty("code", details.code().name());
        problem.setProperty("field", details.field());
        details.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(ErrorCategory category) {
        return switch (category) {
            case VALIDATION -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case AUTHENTICATION -> HttpStatus.UNAUTHORIZED;
            case PERMISSION -> HttpStatus.FORBIDDEN;
            case RATE_LIMIT -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
