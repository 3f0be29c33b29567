package org.yaohao.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Bean;

import java.net.InetSocketAddress;

/**
 * The standalone jar's MongoDB in a test: an in-process wire-protocol server with the memory backend on a loopback
 * port, reached through the real driver over a real socket. As a JUnit extension
 * ({@code @RegisterExtension static final InProcessMongo mongo = new InProcessMongo();}) one server serves a test
 * class and is shut down after it.
 */
public final class InProcessMongo implements AutoCloseable, AfterAllCallback {

    private final MongoServer server;
    private final MongoClient client;

    public InProcessMongo() {
        this(null);
    }

    /** With a listener of the commands the driver sends ({@code null}: none). */
    public InProcessMongo(CommandListener listener) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase("yaohao");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /**
     * The in-process server and its client as beans of a Spring test application that runs the query side as the
     * standalone jar does ({@code @Import(InProcessMongo.Beans.class)}): the client is the server's, closed with it.
     */
    public static class Beans {

        @Bean(destroyMethod = "close")
        InProcessMongo inProcessMongo() {
            return new InProcessMongo();
        }

        @Bean(destroyMethod = "")
        MongoClient mongoClient(InProcessMongo mongo) {
            return mongo.client();
        }
    }
}
