package org.yaohao.standalone.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yaohao.command.config.AdjustableClock;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.population.SyntheticApplicant;
import org.yaohao.kernel.population.SyntheticPopulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the demonstration once the system answers HTTP, as applicants, clerks, operators and the regulator would,
 * through the public API of this very process (nothing is written to the event store directly):
 * <ol>
 * <li>schedules 2023-ORD-01 and commits its seed (the regulator);</li>
 * <li>submits the first {@code firstRoundApplicants} applications (app and website anonymously, counters by the
 * district's clerk), waits until pre-qualification has decided them, and opens and pays (in full or in 3
 * instalments) the ORD-01 deposit of the ordinary ones expected to pass; 3 in 5 of them choose to carry the deposit
 * over to the next round should they not win;</li>
 * <li>moves the clock to the day after the cut-off, freezes the pools, moves it to the draw date, draws with the
 * revealed seed and publishes: results, quotas, refunds and statistics are visible from here on (the log says
 * where);</li>
 * <li>submits the rest of the population, then runs 2023-ORD-02, 2023-NEV-01, 2023-ORD-03 … 05 the same way
 * (new-energy applicants pay for NEV-01; later ordinary rounds are entered by those who carried their deposit over).</li>
 * </ol>
 * Every step is recorded in {@code demo.properties} when done; a restart skips what is done and never submits the
 * population again.
 */
@Component
@ConditionalOnProperty(name = "yaohao.demo.enabled", havingValue = "true")
class DemoRunner {

    static final String CLERK_PASSWORD = "yaohao.demo.clerk-password";
    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUNDS = List.of("2023-ORD-01", "2023-ORD-02", "2023-NEV-01", "2023-ORD-03",
                                                       "2023-ORD-04", "2023-ORD-05");
    private static final String[] METHODS = {"BANK_CARD", "ALIPAY", "WECHAT_PAY"};

    private final AdjustableClock clock;
    private final Path dataDir;
    private final Path demoDir;
    private final String clerkPassword;
    private final int threads;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, String> codes = new ConcurrentHashMap<>();
    private String base;
    private String admin;
    private DemoState state;
    private List<SyntheticApplicant> population;

    DemoRunner(AdjustableClock clock, @Value("${yaohao.data-dir}") String dataDir,
               @Value("${" + CLERK_PASSWORD + "}") String clerkPassword,
               @Value("${yaohao.demo.threads:8}") int threads) {
        this.clock = clock;
        this.dataDir = Path.of(dataDir);
        this.demoDir = this.dataDir.resolve("demo");
        this.clerkPassword = clerkPassword;
        this.threads = threads;
    }

    static String counterClerk(District district) {
        return "counter-" + district.name().toLowerCase(Locale.ROOT);
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        Thread thread = new Thread(() -> {
            try {
                run(port);
            } catch (Exception e) {
                log.error("The demonstration stopped: {}", e.toString());
            }
        }, "yaohao-demo");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int port) throws Exception {
        state = DemoState.load(demoDir);
        admin = basic("admin", Files.readString(dataDir.resolve("initial-admin-password")).trim());
        String url = "http://localhost:" + port;
        if (state.done("complete")) {
            log.info("Demo: the population of {} was loaded and the 2023 plan's rounds were run before; nothing is "
                     + "submitted again.", state.applicants());
            guide(url, null, null);
            return;
        }
        long start = System.nanoTime();
        population = SyntheticPopulation.generate(state.seed(), state.applicants(), state.startDay()).applicants();
        loadCodes();
        int first = Math.min(state.firstRoundApplicants(), population.size());
        log.info("Demo: {} applicants, the first {} before round 2023-ORD-01; staff users (password = name + '-demo'): "
                 + "clerk-7, clerk-9, regulator-1, analyst-1; the administrator's password is in {}",
                 population.size(), first, dataDir.resolve("initial-admin-password").toAbsolutePath().normalize());

        Map<String, Set<Integer>> entrants = new LinkedHashMap<>();
        Map<String, JsonNode> plan = plan();
        String firstRound = ROUNDS.get(0);
        scheduleAndCommit(firstRound);
        submit("submitted-first", population.subList(0, first));
        entrants.put(firstRound, deposit("deposits-" + firstRound, firstRound,
                                         expectedToPass(0, first, QuotaType.ORDINARY)));
        Set<Integer> carriers = chooseCarryOver(firstRound, entrants.get(firstRound), "2023-ORD-02");
        Set<Integer> winners = runRound(firstRound, plan.get(firstRound));
        String[] example = example(firstRound, winners, entrants.get(firstRound), carriers);
        log.info("Demo: round {} published {} s after the start: results, quotas, refunds and statistics are there "
                 + "now.", firstRound, Math.round((System.nanoTime() - start) / 1e9));
        guide(url, example[0], example[1]);

        submit("submitted-rest", population.subList(first, population.size()));
        Set<Integer> ordinaryCarried = minus(carriers, winners);
        for (String round : ROUNDS.subList(1, ROUNDS.size())) {
            scheduleAndCommit(round);
            Set<Integer> in = new HashSet<>();
            if (round.equals("2023-ORD-02")) {
                in.addAll(deposit("deposits-" + round, round,
                                  expectedToPass(first, population.size(), QuotaType.ORDINARY)));
            }
            if (round.contains("-NEV-")) {
                in.addAll(deposit("deposits-" + round, round,
                                  expectedToPass(0, population.size(), QuotaType.NEW_ENERGY)));
            } else {
                in.addAll(ordinaryCarried);
            }
            String next = nextOrdinary(round);
            Set<Integer> carrying = round.contains("-ORD-") && next != null ? chooseCarryOver(round, in, next)
                                                                           : Set.of();
            Set<Integer> won = runRound(round, plan.get(round));
            if (round.contains("-ORD-")) {
                ordinaryCarried = minus(carrying, won);
            }
        }
        state.markDone("complete");
        log.info("Demo: all rounds of the 2023 plan run ({} s); the system now runs on as usual, its clock {} ahead.",
                 Math.round((System.nanoTime() - start) / 1e9), state.clockOffset());
        guide(url, example[0], example[1]);
    }

    // --- applications

    private void submit(String step, List<SyntheticApplicant> applicants) throws Exception {
        if (!state.done(step)) {
            long t = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            parallel(applicants, applicant -> {
                if (codes.containsKey(applicant.index())) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                if (applicant.channel() == Channel.COUNTER) {
                    headers.put("Authorization", basic(counterClerk(applicant.district()), clerkPassword));
                } else {
                    headers.put("X-Channel", applicant.channel().name());
                }
                HttpResponse<String> response = post("/api/applications", applicant.requestJson(), headers);
                JsonNode body = json(response);
                String code = response.statusCode() == 201 ? body.path("code").asText(null)
                              : response.statusCode() == 409 ? body.path("conflictingApplicationCode").asText(null)
                              : null;
                if (code == null) {
                    problem("submitting application " + applicant.index(), response, failed);
                } else {
                    codes.put(applicant.index(), code);
                }
            });
            saveCodes();
            log.info("Demo: {} applications submitted in {} s ({} refused)", applicants.size(),
                     Math.round((System.nanoTime() - t) / 1e9), failed.get());
            state.markDone(step);
        }
        awaitDecided(codes.size());
    }

    /** Waits until the statistics count {@code count} applications decided by pre-qualification. */
    private void awaitDecided(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/statistics/prequalification");
            if (response.statusCode() == 200) {
                long decided = 0;
                for (JsonNode row : json(response).path("rows")) { // one row per month and the row "all"
                    if ("all".equals(row.path("month").asText())) {
                        decided = row.path("decided").asLong() + row.path("manualReview").asLong();
                    }
                }
                if (decided >= count) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("pre-qualification did not decide " + count + " applications in 30 minutes");
    }

    private List<SyntheticApplicant> expectedToPass(int from, int to, QuotaType type) {
        return population.subList(from, to).stream()
                .filter(a -> a.expectedToPass() && a.quotaType() == type && codes.containsKey(a.index())).toList();
    }

    // --- deposits

    /** Opens and pays the round's deposit of each applicant; returns the indexes of those paid. */
    private Set<Integer> deposit(String step, String round, List<SyntheticApplicant> applicants) throws Exception {
        Set<Integer> paid = ConcurrentHashMap.newKeySet();
        if (state.done(step)) {
            applicants.forEach(a -> paid.add(a.index()));
            return paid;
        }
        long t = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        parallel(applicants, applicant -> {
            String code = codes.get(applicant.index());
            boolean instalments = applicant.index() % 10 < 3;
            HttpResponse<String> opened = post("/api/applications/" + code + "/deposits",
                    "{\"roundId\":\"" + round + "\",\"plan\":\"" + (instalments ? "INSTALMENTS" : "FULL") + "\"}",
                    Map.of("Authorization", admin));
            if (opened.statusCode() != 201) {
                if (opened.statusCode() == 409) {
                    paid.add(applicant.index()); // opened (and paid) before a restart
                } else {
                    problem("opening deposit " + code + "-" + round, opened, failed);
                }
                return;
            }
            JsonNode deposit = json(opened);
            String depositId = deposit.path("depositId").asText();
            String method = METHODS[applicant.index() % METHODS.length];
            String account = "6222" + String.format("%012d", applicant.index() * 7_919L + 1);
            int n = 0;
            for (JsonNode amount : deposit.path("instalmentsFen")) {
                n++;
                HttpResponse<String> payment = post("/api/deposits/" + depositId + "/payments",
                        "{\"amountFen\":" + amount.asLong() + ",\"method\":\"" + method + "\",\"account\":\""
                        + account + "\"}", Map.of("Authorization", admin, "Idempotency-Key", "demo-" + depositId + "-" + n));
                if (payment.statusCode() / 100 != 2) {
                    problem("paying deposit " + depositId, payment, failed);
                    return;
                }
            }
            paid.add(applicant.index());
        });
        log.info("Demo: {} deposits for {} opened and paid in {} s ({} refused)", paid.size(), round,
                 Math.round((System.nanoTime() - t) / 1e9), failed.get());
        state.markDone(step);
        return paid;
    }

    /** 3 in 5 entrants choose to carry the deposit over to {@code next} should they not win. */
    private Set<Integer> chooseCarryOver(String round, Set<Integer> entrants, String next) throws Exception {
        Set<Integer> carrying = new HashSet<>();
        for (int index : entrants) {
            if (index % 5 < 3) {
                carrying.add(index);
            }
        }
        String step = "carry-over-" + round;
        if (!state.done(step)) {
            AtomicInteger failed = new AtomicInteger();
            parallel(carrying.stream().map(population::get).toList(), applicant -> {
                String depositId = codes.get(applicant.index()) + "-" + round;
                HttpResponse<String> response = post("/api/deposits/" + depositId + "/carry-over",
                        "{\"nextRoundId\":\"" + next + "\"}", Map.of("Authorization", admin));
                if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
                    problem("choosing carry-over for " + depositId, response, failed);
                }
            });
            state.markDone(step);
        }
        return carrying;
    }

    // --- rounds

    private void scheduleAndCommit(String round) throws Exception {
        if (state.done("scheduled-" + round)) {
            return;
        }
        expect(post("/api/rounds", "{\"roundId\":\"" + round + "\"}", Map.of("Authorization", admin)),
               "scheduling " + round);
        expect(post("/api/rounds/" + round + "/seed-commitment", "{\"commitment\":\"" + commitment(round) + "\"}",
                    Map.of("Authorization", regulator())), "committing the seed of " + round);
        state.markDone("scheduled-" + round);
    }

    /** Freeze after the cut-off, draw on the draw date, publish; returns the indexes of the winners. */
    private Set<Integer> runRound(String round, JsonNode plan) throws Exception {
        LocalDate cutOff = LocalDate.parse(plan.get("cutOff").asText());
        LocalDate drawDate = LocalDate.parse(plan.get("drawDate").asText());
        if (!state.done("published-" + round)) {
            moveClockTo(cutOff.plusDays(1), LocalTime.of(9, 0));
            expect(post("/api/rounds/" + round + "/pool-freeze", null, Map.of("Authorization", admin)),
                   "freezing " + round);
            moveClockTo(drawDate, LocalTime.of(10, 0));
            expect(post("/api/rounds/" + round + "/draw", "{\"seed\":\"" + seed(round) + "\"}",
                        Map.of("Authorization", regulator())), "drawing " + round);
            expect(post("/api/rounds/" + round + "/results-publication", null, Map.of("Authorization", admin)),
                   "publishing " + round);
            state.markDone("published-" + round);
        }
        JsonNode results = awaitJson("/api/rounds/" + round + "/results");
        Map<String, Integer> byCode = new java.util.HashMap<>();
        codes.forEach((index, code) -> byCode.put(code, index));
        Set<Integer> winners = new HashSet<>();
        int count = 0;
        for (JsonNode pool : results.path("pools")) {
            for (JsonNode winner : pool.path("winners")) {
                count++;
                Integer index = byCode.get(winner.path("code").asText().substring(0, 13));
                if (index != null) {
                    winners.add(index);
                }
            }
        }
        JsonNode summary = awaitJson("/api/rounds/" + round);
        log.info("Demo: round {} drawn on {} and published: {} winners; {}", round, drawDate, count,
                 summary.path("status").asText());
        return winners;
    }

    private void moveClockTo(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(DemoEnvironment.BEIJING).toInstant();
        Duration offset = clock.advanceTo(target);
        state.clockOffset(offset);
    }

    /** A winner and a refunded applicant of the round, waiting until the results process has reached them. */
    private String[] example(String round, Set<Integer> winners, Set<Integer> entrants, Set<Integer> carriers)
            throws Exception {
        String winner = winners.stream().sorted().findFirst().map(codes::get).orElse(null);
        String refunded = entrants.stream().filter(i -> !winners.contains(i) && !carriers.contains(i)).sorted()
                .findFirst().map(codes::get).orElse(null);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (String code : new String[] {winner, refunded}) {
            while (code != null && System.nanoTime() < deadline) {
                JsonNode view = json(get("/api/applications/" + code));
                boolean reached = false;
                for (JsonNode deposit : view.path("deposits")) {
                    String status = deposit.path("status").asText();
                    reached |= round.equals(deposit.path("roundId").asText())
                               && List.of("CONVERTED", "REFUND_SCHEDULED", "REFUNDED").contains(status);
                }
                if (reached) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        return new String[] {winner, refunded};
    }

    private void guide(String url, String winner, String refunded) {
        StringBuilder text = new StringBuilder("Demo: try, with the system running (regulator-1 reads everything):\n");
        text.append("  curl -s ").append(url).append("/api/rounds\n");
        text.append("  curl -s -u analyst-1:analyst-1-demo ").append(url).append("/api/statistics/rounds\n");
        text.append("  open ").append(url).append("/statistics   (analyst-1 / analyst-1-demo)\n");
        if (winner != null) {
            text.append("  a winner:  curl -s -u regulator-1:regulator-1-demo ").append(url)
                .append("/api/applications/").append(winner).append("   (its quota: ").append(url)
                .append("/api/quotas/2023-ORD-01-").append(winner).append(")\n");
        }
        if (refunded != null) {
            text.append("  a refund:  curl -s -u regulator-1:regulator-1-demo ").append(url)
                .append("/api/applications/").append(refunded).append('\n');
        }
        text.append("  every round: curl -s ").append(url).append("/api/rounds/2023-ORD-01   … 2023-ORD-05, ")
            .append("2023-NEV-01");
        log.info(text.toString());
    }

    // --- plumbing

    private Map<String, JsonNode> plan() throws IOException {
        JsonNode policy = JSON.readTree(demoDir.resolve("policies").resolve(DemoEnvironment.POLICY + ".json").toFile());
        Map<String, JsonNode> plan = new LinkedHashMap<>();
        policy.path("rounds").forEach(round -> plan.put(round.path("id").asText(), round));
        return plan;
    }

    private static String nextOrdinary(String round) {
        int n = Integer.parseInt(round.substring(round.length() - 2));
        return n < 5 ? "2023-ORD-0" + (n + 1) : null;
    }

    private static Set<Integer> minus(Set<Integer> a, Set<Integer> b) {
        Set<Integer> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private void loadCodes() throws IOException {
        Path file = demoDir.resolve("codes.csv");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(",");
                codes.put(Integer.parseInt(parts[0]), parts[1]);
            }
        }
    }

    private synchronized void saveCodes() throws IOException {
        StringBuilder text = new StringBuilder();
        codes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append(',').append(e.getValue()).append('\n'));
        Files.writeString(demoDir.resolve("codes.csv"), text);
    }

    private interface Step {
        void run(SyntheticApplicant applicant) throws Exception;
    }

    private void parallel(List<SyntheticApplicant> applicants, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < applicants.size(); i = next.getAndIncrement()) {
                        step.run(applicants.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void problem(String what, HttpResponse<String> response, AtomicInteger failed) {
        if (failed.incrementAndGet() <= 5) { // the problem's code only: bodies may name a person
            log.warn("Demo: {} answered {} {}", what, response.statusCode(), json(response).path("code").asText(""));
        }
    }

    /** A round step must succeed; 409 (already scheduled, committed, frozen, ...) is a step done before a restart. */
    private void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " "
                                            + json(response).path("code").asText(""));
        }
    }

    private JsonNode awaitJson(String path) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> response = get(path);
            if (response.statusCode() == 200) {
                return json(response);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " did not answer 200");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                                                                         : JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                                 .header("Authorization", admin).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String regulator() {
        return basic("regulator-1", "regulator-1-demo");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The regulator's secret seed of a round: SHA-256 of the demo's seed and the round, as 64 hex characters. */
    private String seed(String round) {
        return HexFormat.of().formatHex(sha256(("yaohao-demo:" + state.seed() + ":" + round)
                                                       .getBytes(StandardCharsets.UTF_8)));
    }

    private String commitment(String round) {
        return HexFormat.of().formatHex(sha256(HexFormat.of().parseHex(seed(round))));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
