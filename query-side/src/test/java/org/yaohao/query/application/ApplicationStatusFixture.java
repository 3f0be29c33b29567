package org.yaohao.query.application;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryGateway;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.query.quota.QuotaQueryHandler;

import java.time.Instant;

/**
 * The application status projection, query handler and controller on a database, for tests of other packages (the
 * round results of one application are answered from the status documents).
 */
public final class ApplicationStatusFixture {

    private static final Instant AT = Instant.parse("2023-05-26T08:00:00Z");

    private final ApplicationStatusRepository repository;
    private final ApplicationStatusProjection projection;
    private final MongoDatabase database;

    public ApplicationStatusFixture(MongoDatabase database) {
        this.database = database;
        this.repository = new ApplicationStatusRepository(database);
        this.projection = new ApplicationStatusProjection(repository);
    }

    public Object queryHandler() {
        return new ApplicationStatusQueryHandler(repository, QuotaQueryHandler.on(database));
    }

    public Object controller(QueryGateway queryGateway) {
        return new ApplicationQueryController(queryGateway);
    }

    /** The submission, at the application's sequence number 0. */
    public void submitted(ApplicationSubmittedEvent event) {
        projection.on(event, event.submittedAt(), 0L, "WEB", null, "applicant");
    }

    public void on(PoolEntriesFrozenEvent event) {
        projection.on(event);
    }

    public void on(PoolDrawnEvent event) {
        projection.on(event);
    }

    public void on(RoundOutcomeRecordedEvent event, long sequence) {
        projection.on(event, AT, sequence, "SYSTEM", null, null);
    }

    public ApplicationStatusView view(String code) {
        return repository.find(code).orElseThrow().toView(repository::isDrawn);
    }
}
