package org.yaohao.query.statistics;

import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.draw.LotteryDraw;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.draw.SeedCommitment;
import org.yaohao.kernel.draw.Winner;
import org.yaohao.kernel.policy.LotteryWeights;
import org.yaohao.kernel.policy.Policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.yaohao.query.statistics.StatisticsRepository.POOLS;

/**
 * Policy what-if: a round's frozen lottery pool drawn many times under the weights of the round's own policy and
 * under another policy's, with the same derived seeds, and the chance of each band of entrants (see {@link Band})
 * before and after. Reads the statistics' copy of the pool; writes nothing, emits no event.
 * <p>
 * What is recomputed from the frozen entries: an individual's weight from its step (the frozen weight divided by the
 * round policy's weight per step) times the other policy's weight per step; a family's from its points (the frozen
 * weight divided by the round policy's weight per point) times the other policy's weight per point. What is not, and
 * is reported as such: the family points themselves under the other policy's formula (that needs each family's
 * members, generations and years of social insurance, which the statistics do not keep) and the steps under another
 * step divisor (that needs each entrant's rounds entered without winning).
 * <p>
 * Seed of run {@code i}: SHA-256 of {@code "yaohao what-if/<roundId>/<POOL>/<i>"} (UTF-8), so anyone can repeat a
 * what-if; the draw is {@link LotteryDraw} itself.
 */
@Component
class PolicyWhatIf {

    static final int DEFAULT_RUNS = 100;
    static final int MAX_RUNS = 1_000;

    static final List<String> NOT_RECOMPUTED = List.of(
            "family points under the other policy's formula: a family keeps the points it was frozen with (the "
            + "statistics hold no family composition or social insurance years)",
            "steps under another step divisor: an individual keeps the step it was frozen with (the statistics hold "
            + "no count of rounds entered without winning)");

    /** What a what-if was asked for, already checked. */
    record Request(String roundId, String pool, String policy, int runs) {
    }

    record Result(String roundId, String pool, String policyBefore, String policyAfter, int runs, int quota,
                  long entries, long totalWeightBefore, long totalWeightAfter, List<GroupChance> groups,
                  List<String> notRecomputed) {
    }

    /**
     * @param actualChance the share of the band that won the real draw ({@code null} before the draw)
     */
    record GroupChance(String group, String band, long entries, Double actualChance, Double chanceBefore,
                       Double chanceAfter, Double ratio) {
    }

    private final StatisticsRepository repository;
    private final StatisticsPolicies policies;

    PolicyWhatIf(StatisticsRepository repository, StatisticsPolicies policies) {
        this.repository = repository;
        this.policies = policies;
    }

    Result run(Request request) {
        String poolId = StatisticsProjection.poolId(request.roundId(), request.pool());
        PoolFigures figures = repository.find(POOLS, poolId).map(PoolFigures::fromBson)
                                        .filter(PoolFigures::frozen)
                                        .orElseThrow(() -> new StatisticsRequestException(
                                                ErrorCode.POOL_NOT_FOUND, "pool", "Round " + request.roundId()
                                                + " has no frozen pool " + request.pool() + " in the statistics"));
        if (!figures.isLottery()) {
            throw new StatisticsRequestException(ErrorCode.INVALID_VALUE, "pool", "Pool " + request.pool()
                    + " of round " + request.roundId() + " is allocated by ranking; a what-if runs lottery pools");
        }
        Policy before = policies.version(figures.policyVersion()).orElseThrow(() -> new StatisticsRequestException(
                ErrorCode.INVALID_VALUE, "roundId", "The round's policy " + figures.policyVersion()
                + " is not readable here; known: " + policies.versions()));
        Policy after = policies.version(request.policy()).orElseThrow(() -> new StatisticsRequestException(
                ErrorCode.INVALID_VALUE, "policy", "No shipped or configured policy " + request.policy()
                + "; known: " + policies.versions()));

        List<PoolChunk.Entry> entries = new ArrayList<>((int) figures.entries());
        repository.forEachEntry(poolId, entries::add);
        Map<String, Band> bandOf = new HashMap<>();
        Map<Band, long[]> counts = new TreeMap<>(Comparator.comparing(Band::group).thenComparing(Band::order)
                                                           .thenComparing(Band::label));
        List<PoolEntry> weighedBefore = new ArrayList<>(entries.size());
        List<PoolEntry> weighedAfter = new ArrayList<>(entries.size());
        for (PoolChunk.Entry entry : entries) {
            Band band = Band.of(new PoolCell(entry.kind() == null ? PoolCell.UNKNOWN : entry.kind().name(),
                                             entry.weight()), true, Optional.of(before));
            bandOf.put(entry.code(), band);
            counts.computeIfAbsent(band, b -> new long[4])[0]++;
            weighedBefore.add(new PoolEntry(entry.code(), entry.weight()));
            weighedAfter.add(new PoolEntry(entry.code(), reweigh(entry, before.lotteryWeights(),
                                                                  after.lotteryWeights())));
        }
        Pool poolBefore = Pool.of(weighedBefore);
        Pool poolAfter = Pool.of(weighedAfter);
        String drawId = poolId;
        for (int run = 0; run < request.runs(); run++) {
            byte[] seed = seed(poolId, run);
            String commitment = SeedCommitment.commit(seed);
            for (Winner winner : LotteryDraw.draw(drawId, poolBefore, figures.quota(), seed, commitment).winners()) {
                counts.get(bandOf.get(winner.code()))[1]++;
            }
            for (Winner winner : LotteryDraw.draw(drawId, poolAfter, figures.quota(), seed, commitment).winners()) {
                counts.get(bandOf.get(winner.code()))[2]++;
            }
        }
        Map<String, PoolFigures.Counts> actual = new HashMap<>();
        figures.cells().forEach((key, cellCounts) -> actual.merge(
                bandKey(Band.of(PoolCell.parse(key), true, Optional.of(before))), cellCounts,
                PoolFigures.Counts::plus));
        List<GroupChance> groups = new ArrayList<>();
        counts.forEach((band, sums) -> {
            long tries = sums[0] * request.runs();
            Double chanceBefore = Chances.share(sums[1], tries);
            Double chanceAfter = Chances.share(sums[2], tries);
            PoolFigures.Counts real = actual.get(bandKey(band));
            groups.add(new GroupChance(band.group(), band.label(), sums[0],
                                       figures.drawn() && real != null ? real.chance() : null, chanceBefore,
                                       chanceAfter, Chances.ratio(chanceAfter, chanceBefore)));
        });
        return new Result(request.roundId(), request.pool(), before.version(), after.version(), request.runs(),
                          figures.quota(), entries.size(), poolBefore.totalWeight(), poolAfter.totalWeight(), groups,
                          NOT_RECOMPUTED);
    }

    /** The weight of an entry under {@code after}'s lottery weights, from what it stood for under {@code before}'s. */
    static long reweigh(PoolChunk.Entry entry, LotteryWeights before, LotteryWeights after) {
        long weight = entry.weight();
        if (entry.kind() == ApplicantKind.INDIVIDUAL && weight % before.individualWeightPerStep() == 0) {
            return weight / before.individualWeightPerStep() * after.individualWeightPerStep();
        }
        if (entry.kind() == ApplicantKind.FAMILY) {
            long tenths = weight * 10 / before.familyWeightPerPoint();
            return Math.max(1, after.familyWeightPerPoint() * tenths / 10);
        }
        return weight;
    }

    static byte[] seed(String poolId, int run) {
        try {
            return MessageDigest.getInstance("SHA-256")
                                .digest(("yaohao what-if/" + poolId + "/" + run).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String bandKey(Band band) {
        return band.group() + "/" + band.label();
    }
}
