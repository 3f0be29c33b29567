package org.yaohao.standalone.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yaohao.command.calendar.FixedDateHolidays;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.population.SyntheticPopulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Prepares the settings of the demonstration mode before the application context starts (the registry file, the
 * policy and the clock are read at start): under {@code <data-dir>/demo/} the synthetic population's registry file, the
 * policy {@code demo-2023} (the 2023 plan moved to start tomorrow, see {@link #writePolicy}), working-day calendars
 * for the years the shipped ones do not cover, and the state of an earlier run (its start day and clock). It also adds
 * one counter clerk per district ({@code counter-<district>}, a random password known only to this process) so that
 * counter applications are submitted by a clerk of their district, as at a real counter.
 */
public final class DemoEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String POLICY = "demo-2023";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(DemoEnvironment.class);
    private static final LocalDate FIRST_CUT_OFF_2023 = LocalDate.of(2023, 1, 8);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.getProperty("yaohao.demo.enabled", Boolean.class, false)) {
            return;
        }
        Path demoDir = Path.of(environment.getProperty("yaohao.data-dir", "./data-demo")).resolve("demo");
        try {
            Files.createDirectories(demoDir.resolve("policies"));
            Files.createDirectories(demoDir.resolve("calendar"));
            DemoState state = DemoState.load(demoDir);
            if (state.isNew()) {
                state.start(LocalDate.now(BEIJING), environment.getProperty("yaohao.demo.seed", Long.class, 2023L),
                            environment.getProperty("yaohao.demo.applicants", Integer.class, 20_000),
                            environment.getProperty("yaohao.demo.first-round-applicants", Integer.class, 500));
            }
            Path registry = demoDir.resolve("registry.json");
            if (!Files.exists(registry)) {
                SyntheticPopulation.generate(state.seed(), state.applicants(), state.startDay())
                        .writeRegistry(registry);
            }
            Path policy = demoDir.resolve("policies").resolve(POLICY + ".json");
            if (!Files.exists(policy)) {
                writePolicy(policy, state.startDay(), state.applicants());
            }
            // years past the shipped calendars get their fixed-date holidays only: no State Council notice yet
            FixedDateHolidays.writeMissingYears(demoDir.resolve("calendar"), state.startDay().getYear(),
                                                state.startDay().getYear() + 2);

            Map<String, Object> settings = new HashMap<>();
            settings.put("yaohao.registry.mode", "file");
            settings.put("yaohao.registry.file", registry.toString());
            settings.put("yaohao.policy.directory", demoDir.resolve("policies").toString());
            settings.put("yaohao.policy.active", POLICY);
            settings.put("yaohao.clock.offset", state.clockOffset().toString());
            if (environment.getProperty("yaohao.calendar.directory", "").isBlank()) {
                settings.put("yaohao.calendar.directory", demoDir.resolve("calendar").toString());
            }
            String clerkPassword = randomPassword();
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(clerkPassword);
            for (District district : District.values()) {
                String user = DemoRunner.counterClerk(district);
                settings.put("yaohao.security.users." + user + ".role", "CLERK");
                settings.put("yaohao.security.users." + user + ".district", district.name());
                settings.put("yaohao.security.users." + user + ".password-hash", hash);
            }
            settings.put(DemoRunner.CLERK_PASSWORD, clerkPassword);
            environment.getPropertySources().addFirst(new MapPropertySource("yaohao-demo", settings));
            log.info("Demonstration mode: data in {} (kept apart from a real system's data), {} synthetic applicants "
                     + "(seed {}), policy {} starting {}", demoDir.getParent().toAbsolutePath().normalize(),
                     state.applicants(), state.seed(), POLICY, state.startDay());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demonstration in " + demoDir, e);
        }
    }

    /**
     * The 2023 plan (policy {@code 2023-guide}: pools, methods, weights, family points, deposits) with every date moved
     * by the same number of days so that the first round's cut-off is the day after {@code startDay}, and every pool's
     * quota scaled to the population: 2023's quota × applicants ÷ 1,000,000 (at least 1), i.e. the odds of a city of a
     * million applicants rather than of Beijing's three million, so that a small population sees winners.
     */
    static void writePolicy(Path file, LocalDate startDay, int applicants) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode guide;
        try (InputStream in = DemoEnvironment.class.getClassLoader().getResourceAsStream("policies/2023-guide.json")) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no policies/2023-guide.json");
            }
            guide = json.readTree(in);
        }
        ObjectNode policy = (ObjectNode) guide;
        policy.put("version", POLICY);
        long shift = ChronoUnit.DAYS.between(FIRST_CUT_OFF_2023, startDay.plusDays(1));
        Map<String, Integer> annual = new HashMap<>();
        for (JsonNode round : policy.get("rounds")) {
            ObjectNode r = (ObjectNode) round;
            r.put("drawDate", LocalDate.parse(r.get("drawDate").asText()).plusDays(shift).toString());
            r.put("cutOff", LocalDate.parse(r.get("cutOff").asText()).plusDays(shift).toString());
            String type = r.get("id").asText().contains("-ORD-") ? "ORDINARY" : "NEW_ENERGY";
            for (JsonNode pool : r.get("pools")) {
                int quota = (int) Math.max(1, Math.round(pool.get("quota").asLong() * applicants / 1_000_000.0));
                ((ObjectNode) pool).put("quota", quota);
                annual.merge(type, quota, Integer::sum);
            }
        }
        ObjectNode annualQuotas = policy.putObject("annualQuotas");
        annual.forEach(annualQuotas::put);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), policy);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
