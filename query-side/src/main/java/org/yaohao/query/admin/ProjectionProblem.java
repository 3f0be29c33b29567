package org.yaohao.query.admin;

import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;

/** An operator's request about a projection refused: unknown name (404), or a rebuild already running (409). */
public class ProjectionProblem extends DomainException {

    private ProjectionProblem(ErrorCode code, String detail) {
        super(code, "name", detail);
    }

    static ProjectionProblem unknown(String name) {
        return new ProjectionProblem(ErrorCode.PROJECTION_NOT_FOUND, "No projection is named " + name
                + "; the projections are " + ProjectionCatalog.NAMES);
    }

    static ProjectionProblem catchingUp(String name) {
        return new ProjectionProblem(ErrorCode.REBUILD_RUNNING, "The projections are catching up with the event log "
                + "after the start; " + name + " can be rebuilt once they are (see GET /api/admin/projections)");
    }

    static ProjectionProblem rebuildRunning(String name) {
        return new ProjectionProblem(ErrorCode.REBUILD_RUNNING, "The rebuild of " + name + " is still running; see "
                + "GET /api/admin/projections");
    }
}
