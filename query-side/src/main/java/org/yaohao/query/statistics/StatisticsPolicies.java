package org.yaohao.query.statistics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.policy.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The policies the statistics can read, by version: the shipped ones ({@code policies/<version>.json} in the shared
 * kernel's resources, the same files the command side decides by) and any {@code *.json} of
 * {@code yaohao.policy.directory}. The statistics need them for the lottery weights: which weight is a first-time
 * entrant's, which step or family points a weight stands for, and what another policy would have weighed.
 */
@Component
class StatisticsPolicies {

    static final String[] SHIPPED = {"2023-guide", "beijing-2021"};

    private final Map<String, Policy> byVersion;

    @Autowired
    StatisticsPolicies(@Value("${yaohao.policy.directory:}") String directory) {
        this(directory.isBlank() ? null : Path.of(directory));
    }

    StatisticsPolicies(Path directory) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String version : SHIPPED) {
            try (InputStream in = StatisticsPolicies.class.getResourceAsStream("/policies/" + version + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("shipped policy " + version + " is not on the classpath");
                }
                Policy policy = json.readValue(in, Policy.class);
                policies.put(policy.version(), policy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shipped policy " + version, e);
            }
        }
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    Policy policy = json.readValue(file.toFile(), Policy.class);
                    policies.put(policy.version(), policy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read policies in " + directory, e);
            }
        }
        this.byVersion = Map.copyOf(policies);
    }

    Optional<Policy> version(String version) {
        return Optional.ofNullable(version).map(byVersion::get);
    }

    Set<String> versions() {
        return new java.util.TreeSet<>(byVersion.keySet());
    }
}
