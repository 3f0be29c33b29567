package org.yaohao.query.access;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.access.AccessLogEntryView;
import org.yaohao.kernel.access.FindAccessLogQuery;
import org.yaohao.kernel.access.PersonalDataReadEvent;
import org.yaohao.query.store.BufferedCollection;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The access log as regulators and administrators read it: one document per {@link PersonalDataReadEvent}, keyed by
 * the event's id (a redelivery rewrites the same document). A copy, rebuilt from the event store like every read
 * model; the record itself is the event, which nobody can erase.
 */
@Component
@ProcessingGroup(AccessLogProjection.PROCESSING_GROUP)
public class AccessLogProjection {

    public static final String PROCESSING_GROUP = "access-log";

    static final String COLLECTION = "access_log";
    /** The collections this projection writes: what a rebuild replaces. */
    public static final List<String> COLLECTIONS = List.of(COLLECTION);

    private final BufferedCollection log;

    AccessLogProjection(MongoDatabase queryDatabase) {
        this.log = new BufferedCollection(queryDatabase.getCollection(COLLECTION));
    }

    /** A fresh instance writing into {@code database}: a rebuild next to the live projection. */
    public static Object writingTo(MongoDatabase database) {
        return new AccessLogProjection(database);
    }

    @EventHandler
    void on(PersonalDataReadEvent event, EventMessage<?> message) {
        log.replace(message.getIdentifier(), new Document("_id", message.getIdentifier())
                .append("code", event.code().value()).append("reader", event.reader())
                .append("role", event.role()).append("readAt", Date.from(event.readAt())));
    }

    /** Newest first; of one application when the query names it. */
    @QueryHandler
    List<AccessLogEntryView> handle(FindAccessLogQuery query) {
        Bson filter = query.code() == null ? new Document() : eq("code", query.code());
        return log.collection().find(filter).sort(Sorts.descending("readAt", "_id"))
                .map(d -> new AccessLogEntryView(d.getString("code"), d.getString("reader"), d.getString("role"),
                        d.getDate("readAt").toInstant()))
                .into(new ArrayList<>());
    }
}
