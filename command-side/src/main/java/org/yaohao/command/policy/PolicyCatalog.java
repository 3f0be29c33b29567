package org.yaohao.command.policy;

import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PolicyFiles;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The shipped and configured policies, by version, and which one is active. A policy is data: one JSON file per
 * version under {@code policies/} on the classpath, plus any {@code *.json} in an optional directory (read by
 * {@link PolicyFiles}, as the query side's statistics read them). Events record the version that decided them, so an
 * old event is always judged by the policy it was decided under.
 */
public class PolicyCatalog {

    private final Map<String, Policy> byVersion;
    private final Policy active;

    public PolicyCatalog(Map<String, Policy> byVersion, String activeVersion) {
        byVersion.values().forEach(PolicyCatalog::requireCoherent);
        this.byVersion = Map.copyOf(byVersion);
        this.active = version(activeVersion);
    }

    /** Loads the shipped policies and every {@code *.json} in {@code directory} (may be null). */
    public static PolicyCatalog load(Path directory, String activeVersion) {
        return new PolicyCatalog(PolicyFiles.read(directory), activeVersion);
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
