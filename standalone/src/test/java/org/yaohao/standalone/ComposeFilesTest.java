package org.yaohao.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files of the production topology, parsed (no Docker engine needed): every service has an image of a
 * fixed version or a build of an existing Dockerfile stage, published ports and a health check; the command side and
 * the query side get the profile of their file, every environment variable their settings require and none they do
 * not read (a misspelt name would silently fall back to a default); every variable they read is documented in the
 * README.
 */
class ComposeFilesTest {

    private static final Path ROOT = Path.of("..");
    /** An environment variable a settings file reads: {@code ${NAME}} (required) or {@code ${NAME:default}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /** Read by Spring Boot and the JVM themselves rather than by a settings file. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");
    private static final List<String> SIDES = List.of("command-side", "query-side");
    private static final List<String> PROFILES = List.of("axonserver", "postgres");

    @ParameterizedTest
    @CsvSource({"compose.yaml", "compose-postgres.yaml"})
    void everyServiceHasAFixedImageOrABuildPortsAndAHealthCheck(String file) throws IOException {
        Map<String, Object> compose = load(file);
        Map<String, Map<String, Object>> services = map(compose.get("services"));
        assertThat(services).isNotEmpty();
        Set<String> declaredVolumes = compose.get("volumes") == null ? Set.of() : map(compose.get("volumes")).keySet();
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            if (service.containsKey("build")) {
                Map<String, Object> build = map(service.get("build"));
                Path context = ROOT.resolve("docker").resolve((String) build.get("context")).normalize();
                Path dockerfile = context.resolve((String) build.get("dockerfile"));
                assertThat(dockerfile).as("%s: Dockerfile", name).isRegularFile();
                assertThat(stages(dockerfile)).as("%s: build target", name).contains((String) build.get("target"));
            } else {
                assertThat((String) service.get("image")).as("%s: image of a fixed version", name)
                                                         .matches("[^:]+:[^:]+").doesNotEndWith(":latest");
            }
            assertThat(list(service.get("ports"))).as("%s: ports", name).isNotEmpty();
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(list(healthcheck.get("test"))).as("%s: health check", name).hasSizeGreaterThan(1);
            if (service.containsKey("depends_on")) {
                assertThat(services).as("%s: depends on services of this file", name)
                                    .containsKeys(map(service.get("depends_on")).keySet().toArray(String[]::new));
            }
            for (Object volume : service.get("volumes") == null ? List.of() : list(service.get("volumes"))) {
                assertThat(declaredVolumes).as("%s: named volume declared", name)
                                           .contains(volume.toString().substring(0, volume.toString().indexOf(':')));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"compose.yaml, axonserver", "compose-postgres.yaml, postgres"})
    void theSidesGetTheirProfileEveryVariableTheyNeedAndNoneTheyDoNotRead(String file, String profile)
            throws IOException {
        Map<String, Map<String, Object>> services = map(load(file).get("services"));
        for (String side : SIDES) {
            Map<String, Object> service = services.get(side);
            assertThat(service).as("%s in %s", side, file).isNotNull();
            assertThat(map(service.get("build")).get("target")).isEqualTo(side);
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).as(side).isEqualTo(profile);

            Map<String, Boolean> read = variables(side, profile);
            Set<String> required = new TreeSet<>();
            read.forEach((variable, hasDefault) -> {
                if (!hasDefault) {
                    required.add(variable);
                }
            });
            assertThat(environment.keySet()).as("%s: the variables its settings require", side)
                                            .containsAll(required);
            // the profile's engines: their defaults name localhost, wrong in a container
            assertThat(environment.keySet()).as("%s: the addresses of its profile's engines", side)
                                            .containsAll(variablesIn(settingsFiles(side, profile).get(1)).keySet());
            assertThat(environment.keySet()).as("%s: only variables it reads", side)
                                            .allMatch(name -> read.containsKey(name) || PLATFORM_VARIABLES.contains(name),
                                                      "read by " + side + " in profile " + profile);

            String port = settings(side, profile).getProperty("server.port");
            assertThat(list(service.get("ports"))).as("%s publishes its port", side)
                                                  .anyMatch(mapping -> mapping.toString().endsWith(":" + port));
            assertThat(String.join(" ", list(map(service.get("healthcheck")).get("test")).stream()
                                                                              .map(Object::toString).toList()))
                    .as("%s health check asks its own actuator", side)
                    .contains("localhost:" + port + "/actuator/health");
        }
    }

    @Test
    void everyVariableTheSidesReadIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Running in production");
        assertThat(start).as("README section 'Running in production'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> variables = new TreeSet<>(PLATFORM_VARIABLES);
        for (String side : SIDES) {
            for (String profile : PROFILES) {
                variables.addAll(variables(side, profile).keySet());
            }
        }
        assertThat(variables).contains("AXONSERVER_SERVERS", "YAOHAO_POSTGRES_URL", "YAOHAO_MONGO_URI");
        assertThat(variables).allMatch(variable -> section.contains("`" + variable + "`"), "documented in the README");
    }

    /** The environment variables a side's settings read in a profile, each with whether it has a default. */
    private static Map<String, Boolean> variables(String side, String profile) throws IOException {
        Map<String, Boolean> variables = new TreeMap<>();
        for (Path file : settingsFiles(side, profile)) {
            variablesIn(file).forEach((name, hasDefault) -> variables.merge(name, hasDefault, Boolean::logicalAnd));
        }
        return variables;
    }

    /** The environment variables one settings file reads, each with whether it has a default. */
    private static Map<String, Boolean> variablesIn(Path file) throws IOException {
        Map<String, Boolean> variables = new TreeMap<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(file));
        while (matcher.find()) {
            variables.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalAnd);
        }
        return variables;
    }

    private static Properties settings(String side, String profile) throws IOException {
        Properties properties = new Properties();
        for (Path file : settingsFiles(side, profile)) {
            try (Reader reader = new StringReader(Files.readString(file))) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static List<Path> settingsFiles(String side, String profile) {
        Path resources = ROOT.resolve(side).resolve("src/main/resources");
        List<Path> files = List.of(resources.resolve(side + ".properties"),
                                   resources.resolve(side + "-" + profile + ".properties"));
        assertThat(files).allMatch(Files::isRegularFile, "exists");
        return files;
    }

    private static Set<String> stages(Path dockerfile) throws IOException {
        Set<String> stages = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(Files.readString(dockerfile));
        while (matcher.find()) {
            stages.add(matcher.group(1));
        }
        return stages;
    }

    private static Map<String, Object> load(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker").resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, V>) node;
    }

    private static List<?> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
