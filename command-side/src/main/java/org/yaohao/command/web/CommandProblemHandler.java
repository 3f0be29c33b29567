package org.yaohao.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCategory;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ErrorDetails;
import org.yaohao.security.RateLimitExceededException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal of the command API as an RFC 9457 problem ({@code application/problem+json}) whose {@code type}
 * is stable per {@link ErrorCode}, with the offending {@code field}. Validation 400, unknown resource 404,
 * conflicting state 409, rule refused 422. Raw input is never echoed: it may be an ID number.
 */
@RestControllerAdvice
public class CommandProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return problem(e.violations());
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Object> rateLimited(RateLimitExceededException e) {
        ResponseEntity<Object> problem = problem(new ErrorDetails(ErrorCode.TOO_MANY_REQUESTS, e.field(), e.getMessage(),
                Map.of()));
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem.getBody());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e) {
        return problem(e.details());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        return e.getDetails().filter(ErrorDetails.class::isInstance).map(ErrorDetails.class::cast)
                .map(CommandProblemHandler::problem)
                .orElseGet(() -> unexpected(e));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(List.of(new Violation(field, ErrorCode.UNKNOWN_FIELD,
                    "'" + field + "' is not a field of this request; known: " + unknown.getKnownPropertyIds())));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(List.of(new Violation(field, ErrorCode.MALFORMED_REQUEST,
                    "'" + field + "' has the wrong JSON type")));
        }
        log.debug("Unreadable request body: {}", cause.getClass().getSimpleName());
        return problem(List.of(new Violation(null, ErrorCode.MALFORMED_REQUEST,
                "the request body is missing or is not well-formed JSON")));
    }

    static ResponseEntity<Object> problem(List<Violation> violations) {
        Violation first = violations.get(0);
        ResponseEntity<Object> response = problem(new ErrorDetails(first.code(), first.field(), first.detail(), Map.of()));
        ((ProblemDetail) response.getBody()).setProperty("errors", violations.stream().map(v -> {
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("field", v.field());
            error.put("code", v.code().name());
            error.put("rule", v.code().rule());
            error.put("detail", v.detail());
            return error;
        }).collect(Collectors.toList()));
        return response;
    }

    static ResponseEntity<Object> problem(ErrorDetails details) {
        HttpStatus status = status(details.code().category());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, details.detail());
        problem.setType(URI.create(details.code().type()));
        problem.setTitle(details.code().rule());
        problem.setProperty("code", details.code().name());
        problem.setProperty("field", details.field());
        details.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static HttpStatus status(ErrorCategory category) {
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

    private ResponseEntity<Object> unexpected(Exception e) {
        log.error("Command failed unexpectedly", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the command could not be completed; nothing was changed");
        return ResponseEntity.internalServerError().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
