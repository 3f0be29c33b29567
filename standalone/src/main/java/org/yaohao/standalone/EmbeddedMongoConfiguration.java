package org.yaohao.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;

/**
 * The query store of the standalone jar: an in-process MongoDB wire-protocol server on loopback, reached through
 * the real {@code mongodb-driver-sync} client. Memory backend: documents and the projections' tracking tokens live
 * together and are rebuilt from the event store (an H2 file) at every start, so what survives a restart is the
 * event log and the read models always follow from it. See docs/benchmarks.md for why this backend.
 */
@Configuration
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${yaohao.mongo.port:0}") int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("In-process MongoDB wire-protocol server listening on {}:{}", address.getHostString(), address.getPort());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}
