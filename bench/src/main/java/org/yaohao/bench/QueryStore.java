package org.yaohao.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.yaohao.query.application.ApplicationStatusFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The query store as the standalone jar runs it (see EmbeddedMongoConfiguration): a mongo-java-server on
 * 127.0.0.1, random port, reached through the real mongodb-driver-sync; with the MEMORY backend or the H2 MVStore
 * file backend in a fresh temporary directory.
 */
final class QueryStore implements AutoCloseable {

    /** The database name the query side uses by default ({@code yaohao.mongo.database}). */
    static final String DATABASE = "yaohao";

    final String backendName;
    final MongoBackend backend;
    final MongoServer server;
    final MongoClient client;
    final ApplicationStatusFixture fixture;
    final Path directory;
    final Path file;
    private boolean closed;

    private QueryStore(String backendName) {
        this.backendName = backendName;
        try {
            switch (backendName) {
                case "memory" -> {
                    directory = null;
                    file = null;
                    backend = new MemoryBackend();
                }
                case "h2" -> {
                    directory = Files.createTempDirectory("yaohao-bench-h2-");
                    file = directory.resolve("query-store.mv");
                    backend = new H2Backend(file.toString());
                }
                default -> throw new IllegalArgumentException("backend is memory or h2, not " + backendName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        fixture = new ApplicationStatusFixture(client.getDatabase(DATABASE));
    }

    static QueryStore start(String backendName) {
        return new QueryStore(backendName);
    }

    /** Saves one representative document per code through the real repository, one at a time; returns nanos. */
    long fill(String[] codes) {
        long start = System.nanoTime();
        for (String code : codes) {
            fixture.save(code, 2);
        }
        return System.nanoTime() - start;
    }

    /** For H2: writes pending changes to the file. */
    void commit() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    /** For H2: the size of the MVStore file, or -1. */
    long fileSize() {
        try {
            return file == null || !Files.exists(file) ? -1 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the client and the server (which closes the backend); keeps the H2 file until {@link #delete()}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        server.shutdownNow();
    }

    void delete() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
