package org.yaohao.command.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.policy.Policy;
import org.yaohao.kernel.policy.PoolKind;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyCatalogTest {

    @TempDir
    Path directory;

    @Test
    void shipsTheTwoPoliciesOnTheSamePlan() {
        PolicyCatalog catalog = PolicyCatalog.load(null, "2023-guide");
        Policy guide = catalog.version("2023-guide");
        assertThat(guide.rounds()).hasSize(6);
        assertThat(guide.annualQuotas()).containsEntry(QuotaType.ORDINARY, 30_000).containsEntry(QuotaType.NEW_ENERGY, 70_000);
        assertThat(guide.rounds().get(0).pools()).anySatisfy(pool -> {
            assertThat(pool.pool()).isEqualTo(PoolKind.PERSONAL);
            assertThat(pool.quota()).isEqualTo(5_720);
        });
        assertThat(catalog.version("beijing-2021").rounds()).isEqualTo(guide.rounds());
        assertThat(catalog.version("beijing-2021").familyPoints().formula().name()).isEqualTo("MUNICIPAL_2021");
    }

    @Test
    void refusesAPolicyWhosePoolsDoNotAddUpToTheYearsQuota() throws Exception {
        write("""
                "annualQuotas":{"ORDINARY":30001},
                "rounds":[{"id":"2030-ORD-01","drawDate":"2030-02-08","cutOff":"2030-01-08",
                           "pools":[{"pool":"PERSONAL","method":"LOTTERY","quota":30000}]}]""");
        assertThatThrownBy(() -> PolicyCatalog.load(directory, "2023-guide"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policy broken is refused")
                .hasMessageContaining("add up to 30000, not the year's 30001");
    }

    @Test
    void refusesRoundsOutOfDateOrderAndACutOffAfterTheDraw() throws Exception {
        write("""
                "rounds":[{"id":"2030-ORD-01","drawDate":"2030-04-09","cutOff":"2030-03-08",
                           "pools":[{"pool":"PERSONAL","method":"LOTTERY","quota":1}]},
                          {"id":"2030-ORD-02","drawDate":"2030-02-08","cutOff":"2030-02-10",
                           "pools":[{"pool":"FAMILY","method":"RANKING","quota":1}]}]""");
        assertThatThrownBy(() -> PolicyCatalog.load(directory, "2023-guide"))
                .hasMessageContaining("round 2030-ORD-02: the cut-off must come before the draw date")
                .hasMessageContaining("a ORDINARY round has no FAMILY pool")
                .hasMessageContaining("rounds 2030-ORD-01 and 2030-ORD-02 are out of date order");
    }

    private void write(String roundsAndQuotas) throws Exception {
        Files.writeString(directory.resolve("broken.json"), """
                {"version":"broken","socialInsuranceMonths":60,"incomeTaxYears":5,
                 "enterpriseMinimumTaxYuan":500000,"enterpriseMaximumQuotas":5,
                 "prequalificationDeadline":"PT24H","registryRetryInterval":"PT1H",
                 "depositOrdinaryYuan":2000,"depositNewEnergyYuan":1000,"depositInstalments":3,
                 "refundWorkingDays":7,"quotaValidityMonths":12,%s}""".formatted(roundsAndQuotas));
    }
}
