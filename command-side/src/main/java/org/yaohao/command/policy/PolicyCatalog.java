package org.yaohao.command.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaohao.kernel.policy.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The shipped and configured policies, by version, and which one is active. A policy is data: one JSON file per
 * version under {@code policies/} on the classpath, plus any {@code *.json} in an optional directory. Events record
 * the version that decided them, so an old event is always judged by the policy it was decided under.
 */
public class PolicyCatalog {

    static final String[] SHIPPED = {"2023-guide", "beijing-2021"};

    private final Map<String, Policy> byVersion;
    private final Policy active;

    public PolicyCatalog(Map<String, Policy> byVersion, String activeVersion) {
        byVersion.values().forEach(PolicyCatalog::requireCoherent);
        this.byVersion = Map.copyOf(byVersion);
        this.active = version(activeVersion);
    }

    /** Loads the shipped policies and every {@code *.json} in {@code directory} (may be null). */
    public static PolicyCatalog load(Path directory, String activeVersion) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String version : SHIPPED) {
            try (InputStream in = PolicyCatalog.class.getResourceAsStream("/policies/" + version + ".json")) {
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
        return new PolicyCatalog(policies, activeVersion);
    }

    private static void requireCoherent(Policy policy) {
        List<String> problems = PolicyRules.problems(policy);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("policy " + policy.version() + " is refused: " + String.join("; ", problems));
        }
    }

    /** The policy new applications are decided under. */
    public Policy active() {
        return active;
    }

    /** The policy of the given version, as recorded in an event. */
    public Policy version(String version) {
        Policy policy = byVersion.get(version);
        if (policy == null) {
            throw new NoSuchElementException("no policy with version " + version + "; known: " + byVersion.keySet());
        }
        return policy;
    }

    public Collection<Policy> all() {
        return byVersion.values();
    }
}
