package org.yaohao.query.boot;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The query side on its own (port 8082): read models in MongoDB; events from Axon Server (profile {@code axonserver},
 * the default) or from the command side's PostgreSQL event store (profile {@code postgres}). Settings are in
 * {@code query-side.properties} and {@code query-side-<profile>.properties} so they do not clash with other
 * modules' {@code application.properties} when all modules share one class path. This package holds only what the standalone jar does not want: it scans
 * {@code org.yaohao.query} without {@code org.yaohao.query.boot} and supplies its own {@link MongoClient}.
 */
@SpringBootApplication(scanBasePackages = "org.yaohao.query")
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a registry system
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side", "spring.profiles.default=axonserver")
                .run(args);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${yaohao.mongo.uri:mongodb://localhost:27017}") String uri) {
        return MongoClients.create(uri);
    }
}
