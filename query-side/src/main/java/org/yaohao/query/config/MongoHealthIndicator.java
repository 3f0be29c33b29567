package org.yaohao.query.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code mongo}: the query store answers {@code isMaster} through the real driver (a command both
 * MongoDB and the standalone jar's wire-protocol server know). Details: the database, whether this node takes
 * writes, and the replica set's name when there is one.
 * Spring Boot's own Mongo indicator needs Spring Data, which the query side does not use.
 */
@Component
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase queryDatabase;

    MongoHealthIndicator(MongoDatabase queryDatabase) {
        super("MongoDB health check failed");
        this.queryDatabase = queryDatabase;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document hello = queryDatabase.runCommand(new Document("isMaster", 1));
        builder.up().withDetail("database", queryDatabase.getName())
               .withDetail("writable", hello.getBoolean("ismaster", false));
        if (hello.containsKey("setName")) {
            builder.withDetail("replicaSet", hello.getString("setName"));
        }
    }
}
