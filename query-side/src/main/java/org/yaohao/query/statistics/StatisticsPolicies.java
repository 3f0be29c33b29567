package org.yaohao.query.statistics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PolicyFiles;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policies the statistics can read, by version: the shipped ones ({@code policies/<version>.json} in the shared
 * kernel's resources, the same files the command side decides by) and any {@code *.json} of
 * {@code yaohao.policy.directory}. The statistics need them for the lottery weights: which weight is a first-time
 * entrant's, which step or family points a weight stands for, and what another policy would have weighed.
 */
@Component
class StatisticsPolicies {

    private final Map<String, Policy> byVersion;

    @Autowired
    StatisticsPolicies(@Value("${yaohao.policy.directory:}") String directory) {
        this(directory.isBlank() ? null : Path.of(directory));
    }

    StatisticsPolicies(Path directory) {
        this.byVersion = Map.copyOf(PolicyFiles.read(directory));
    }

    Optional<Policy> version(String version) {
        return Optional.ofNullable(version).map(byVersion::get);
    }

    Set<String> versions() {
        return new TreeSet<>(byVersion.keySet());
    }
}
