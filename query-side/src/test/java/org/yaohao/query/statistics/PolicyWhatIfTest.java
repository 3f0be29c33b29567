package org.yaohao.query.statistics;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.query.InProcessMongo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The what-if on {@link StatisticsScenario}'s ordinary PERSONAL pool (10 individuals at step 1, 4 at step 2, 5 families
 * of 50 points; 4 quotas) under a policy that weighs a family point twice as much, and under the shipped
 * {@code beijing-2021}, whose lottery weights are the 2023 guide's.
 */
class PolicyWhatIfTest {

    private static InProcessMongo mongo;

    @TempDir
    static Path policies;

    private PolicyWhatIf whatIf;

    @BeforeAll
    static void startMongo() throws IOException {
        mongo = new InProcessMongo();
        try (InputStream in = PolicyWhatIfTest.class.getResourceAsStream("/policies/2023-guide.json")) {
            String guide = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String heavy = guide.replace("\"version\": \"2023-guide\"", "\"version\": \"heavy-family\"")
                                .replace("\"familyWeightPerPoint\": 10", "\"familyWeightPerPoint\": 20");
            assertThat(heavy).contains("heavy-family").contains("\"familyWeightPerPoint\": 20");
            Files.writeString(policies.resolve("heavy-family.json"), heavy);
        }
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        whatIf = new PolicyWhatIf(new StatisticsScenario().fedInto(mongo), new StatisticsPolicies(policies));
    }

    @Test
    void heavierFamilyPointsRaiseFamiliesChancesAndLowerIndividuals() {
        PolicyWhatIf.Result result = whatIf.run(new PolicyWhatIf.Request("2023-ORD-01", "PERSONAL", "heavy-family",
                                                                         400));
        assertThat(result.policyBefore()).isEqualTo("2023-guide");
        assertThat(result.entries()).isEqualTo(19);
        assertThat(result.totalWeightBefore()).isEqualTo(2680);
        assertThat(result.totalWeightAfter()).isEqualTo(100 + 80 + 5000);
        PolicyWhatIf.GroupChance family = group(result, "points 50-59");
        PolicyWhatIf.GroupChance stepOne = group(result, "step 1");
        assertThat(family.actualChance()).isEqualTo(0.4);
        assertThat(family.chanceAfter()).isGreaterThan(family.chanceBefore());
        assertThat(stepOne.chanceAfter()).isLessThan(stepOne.chanceBefore());
        // every run draws exactly the 4 quotas, before and after
        assertThat(result.groups().stream().mapToDouble(g -> g.entries() * g.chanceBefore()).sum()).isCloseTo(
                4.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(result.groups().stream().mapToDouble(g -> g.entries() * g.chanceAfter()).sum()).isCloseTo(
                4.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(result.notRecomputed()).isNotEmpty();
    }

    @Test
    void samePolicyWeightsGiveTheSameChancesRunForRun() {
        PolicyWhatIf.Result result = whatIf.run(new PolicyWhatIf.Request("2023-ORD-01", "PERSONAL", "beijing-2021",
                                                                         50));
        assertThat(result.groups()).allSatisfy(g -> assertThat(g.chanceAfter()).isEqualTo(g.chanceBefore()));
    }

    @Test
    void changesNothing() {
        Map<String, List<Document>> before = snapshot();
        whatIf.run(new PolicyWhatIf.Request("2023-ORD-01", "PERSONAL", "heavy-family", 20));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesWhatCannotBeRun() {
        assertThatThrownBy(() -> whatIf.run(new PolicyWhatIf.Request("2023-ORD-01", "PERSONAL", "no-such", 10)))
                .isInstanceOfSatisfying(StatisticsRequestException.class, e -> {
                    assertThat(e.details().code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.details().field()).isEqualTo("policy");
                });
        assertThatThrownBy(() -> whatIf.run(new PolicyWhatIf.Request("2023-ORD-03", "PERSONAL", "heavy-family", 10)))
                .isInstanceOfSatisfying(StatisticsRequestException.class,
                                        e -> assertThat(e.details().code()).isEqualTo(ErrorCode.POOL_NOT_FOUND));
        assertThatThrownBy(() -> whatIf.run(new PolicyWhatIf.Request("2023-NEV-01", "FAMILY", "heavy-family", 10)))
                .isInstanceOfSatisfying(StatisticsRequestException.class,
                                        e -> assertThat(e.details().field()).isEqualTo("pool"));
    }

    private static PolicyWhatIf.GroupChance group(PolicyWhatIf.Result result, String band) {
        return result.groups().stream().filter(g -> g.band().equals(band)).findFirst().orElseThrow();
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String name : mongo.database().listCollectionNames().into(new ArrayList<>())) {
            all.put(name, mongo.database().getCollection(name).find().into(new ArrayList<>()));
        }
        return all;
    }
}
