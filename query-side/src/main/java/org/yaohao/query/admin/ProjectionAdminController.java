package org.yaohao.query.admin;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Operators' endpoints for the query side's projections (administrators only, see the access rules). */
@RestController
class ProjectionAdminController {

    record DeadLetterRetryView(String name, long deadLettersLeft) {
    }

    private final ProjectionStatus status;
    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionStatus status, ProjectionRebuilds rebuilds) {
        this.status = status;
        this.rebuilds = rebuilds;
    }

    /** Per projection: position, head of the log, lag, errors, dead letters and the latest rebuild's progress. */
    @GetMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ProjectionStatusView> projections() {
        return status.all();
    }

    /** Hands the projection's dead letters to it again, in order per aggregate; those that fail again stay. */
    @PostMapping(path = "/api/admin/projections/{name}/dead-letters/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    DeadLetterRetryView retry(@PathVariable String name) {
        return new DeadLetterRetryView(name, status.retry(name));
    }

    /** Starts a rebuild from the first event next to the live projection; {@code 202}, progress in the status. */
    @PostMapping(path = "/api/admin/projections/{name}/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectionStatusView.RebuildView> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(rebuilds.start(name));
    }
}
