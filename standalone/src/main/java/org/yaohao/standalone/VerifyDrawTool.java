package org.yaohao.standalone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaohao.command.audit.DrawReplay;
import org.yaohao.command.audit.DrawVerificationView;
import org.yaohao.command.familypoints.FamilyPointsCalculator;
import org.yaohao.command.policy.PolicyCatalog;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.RoundId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies a draw from an exported event stream, without a server:
 * {@code java -jar yaohao.jar verify-draw <events.ndjson> <roundId>/<pool> [--policy-directory=<dir>]}. The file is
 * what {@code GET /api/audit/events} streams (its pages concatenated), exported by a regulator: masked ID numbers
 * cannot be read back, and the family points need the birth dates in them. Prints the verdict as JSON; exits 0 on a
 * match, 1 on a difference, 2 when it cannot verify (usage, unreadable file, draw not in the file).
 */
final class VerifyDrawTool {

    static final String COMMAND = "verify-draw";

    private VerifyDrawTool() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3) {
            err.println("usage: java -jar yaohao.jar " + COMMAND
                    + " <events.ndjson> <roundId>/<pool> [--policy-directory=<dir>]");
            return 2;
        }
        Path file = Path.of(args[1]);
        String[] drawId = args[2].split("/", 2);
        Path policyDirectory = null;
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("--policy-directory=")) {
                policyDirectory = Path.of(args[i].substring("--policy-directory=".length()));
            }
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try {
            if (drawId.length != 2) {
                throw new IllegalArgumentException("a draw id is <roundId>/<pool>, e.g. 2023-ORD-05/PERSONAL");
            }
            RoundId round = new RoundId(drawId[0]);
            PoolKind pool = PoolKind.valueOf(drawId[1]);
            PolicyCatalog policies = PolicyCatalog.load(policyDirectory, "2023-guide");
            DrawReplay replay = new DrawReplay(round, pool, policies::version, new FamilyPointsCalculator());
            read(file, json, replay);
            if (!replay.wasDrawn()) {
                err.println("the exported stream holds no draw " + replay.drawId());
                return 2;
            }
            DrawVerificationView verdict = replay.verify();
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
            return verdict.matches() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Hands the events the replay needs to it, in the file's order, refusing a file out of log order. */
    private static void read(Path file, ObjectMapper json, DrawReplay replay) throws IOException {
        Map<String, Class<?>> types = new HashMap<>();
        DrawReplay.TYPES_READ.forEach(type -> types.put(type.getName(), type));
        long previous = -1;
        int line = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode event = json.readTree(text);
                long position = event.path("position").asLong(-1);
                if (position <= previous) {
                    throw new IllegalArgumentException("line " + line + " is not after the previous one in log order");
                }
                previous = position;
                Class<?> type = types.get(event.path("type").asText());
                if (type == null) {
                    continue;
                }
                Object payload;
                try {
                    payload = json.treeToValue(event.get("payload"), type);
                } catch (IOException | InvalidValueException e) {
                    throw new IllegalArgumentException("line " + line + " (position " + position + ") cannot be "
                            + "read as " + type.getSimpleName() + "; a masked export cannot be verified, export it "
                            + "as a regulator", e);
                }
                replay.accept(json.treeToValue(event.get("timestamp"), Instant.class), payload);
            }
        }
    }
}
