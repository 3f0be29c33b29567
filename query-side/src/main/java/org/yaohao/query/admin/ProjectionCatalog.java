package org.yaohao.query.admin;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.BeanFactory;
import org.yaohao.query.access.AccessLogProjection;
import org.yaohao.query.application.ApplicationStatusProjection;
import org.yaohao.query.config.QuerySideConfiguration;
import org.yaohao.query.deposit.OverdueRefundsProjection;
import org.yaohao.query.quota.QuotaProjection;
import org.yaohao.query.round.RoundsProjection;
import org.yaohao.query.statistics.StatisticsProjection;

import java.util.List;
import java.util.function.BiFunction;

/** The query side's projections by name (their processing group): the collections each writes, and a fresh instance. */
final class ProjectionCatalog {

    record Projection(String name, List<String> collections, BiFunction<MongoDatabase, BeanFactory, Object> writingTo) {
    }

    static final List<Projection> ALL = List.of(
            new Projection(ApplicationStatusProjection.PROCESSING_GROUP, ApplicationStatusProjection.COLLECTIONS,
                    (database, beans) -> ApplicationStatusProjection.writingTo(database)),
            new Projection(OverdueRefundsProjection.PROCESSING_GROUP, OverdueRefundsProjection.COLLECTIONS,
                    (database, beans) -> OverdueRefundsProjection.writingTo(database)),
            new Projection(RoundsProjection.PROCESSING_GROUP, RoundsProjection.COLLECTIONS,
                    (database, beans) -> RoundsProjection.writingTo(database)),
            new Projection(AccessLogProjection.PROCESSING_GROUP, AccessLogProjection.COLLECTIONS,
                    (database, beans) -> AccessLogProjection.writingTo(database)),
            new Projection(StatisticsProjection.PROCESSING_GROUP, StatisticsProjection.COLLECTIONS,
                    (database, beans) -> StatisticsProjection.writingTo(database)),
            new Projection(QuotaProjection.PROCESSING_GROUP, QuotaProjection.COLLECTIONS, QuotaProjection::writingTo));

    static final List<String> NAMES = ALL.stream().map(Projection::name).toList();

    static {
        if (!NAMES.equals(QuerySideConfiguration.PROCESSING_GROUPS)) {
            throw new IllegalStateException("the projection catalog " + NAMES + " must list the processing groups "
                    + QuerySideConfiguration.PROCESSING_GROUPS);
        }
    }

    private ProjectionCatalog() {
    }

    static Projection named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                  .orElseThrow(() -> ProjectionProblem.unknown(name));
    }
}
