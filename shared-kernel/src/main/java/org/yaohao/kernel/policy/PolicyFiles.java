package org.yaohao.kernel.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The policy files, read the same way by both sides: the shipped versions ({@code policies/<version>.json} on the
 * classpath, in this module) and every {@code *.json} of an optional directory, which may add versions or replace a
 * shipped one. A file with a property the {@link Policy} does not have is refused.
 */
public final class PolicyFiles {

    /** The versions shipped with this release. */
    public static final List<String> SHIPPED = List.of("2023-guide", "beijing-2021");

    private PolicyFiles() {
    }

    /**
     * @param directory extra policy files, or {@code null}
     * @return the policies by version: the shipped ones first, in {@link #SHIPPED} order, then the directory's by file name
     */
    public static Map<String, Policy> read(Path directory) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String version : SHIPPED) {
            try (InputStream in = PolicyFiles.class.getResourceAsStream("/policies/" + version + ".json")) {
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
        return policies;
    }
}
