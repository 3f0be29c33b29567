package org.yaohao.query.round;

import com.mongodb.client.MongoDatabase;
import org.yaohao.kernel.round.RoundScheduledEvent;
import org.yaohao.kernel.round.SeedCommittedEvent;

/** The real rounds projection on a database, for tests of other packages that read the rounds it writes. */
public final class RoundsFixture {

    private final RoundsProjection projection;

    public RoundsFixture(MongoDatabase database) {
        this.projection = new RoundsProjection(new RoundRepository(database), new FrozenPoolRepository(database));
    }

    public void on(RoundScheduledEvent event, long sequence) {
        projection.on(event, sequence);
    }

    public void on(SeedCommittedEvent event, long sequence) {
        projection.on(event, sequence);
    }
}
