package org.yaohao.kernel.draw;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The vectors published in docs/draw-test-vectors.md, checked byte for byte against this implementation. */
class PublishedVectorsTest {

    private static final Path VECTORS = Path.of("..", "docs", "draw-test-vectors.md");

    @Test
    void everyPublishedVectorIsReproducedByteForByte() throws Exception {
        List<Map<String, String>> vectors = parse(Files.readString(VECTORS, StandardCharsets.UTF_8));
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, String> vector : vectors) {
            byte[] poolText = vector.get("pool").getBytes(StandardCharsets.UTF_8);
            Pool pool = Pool.parse(poolText);
            byte[] seed = HexFormat.of().parseHex(vector.get("seed"));

            assertThat(pool.digest()).as(vector.get("drawId")).isEqualTo(vector.get("digest"));
            assertThat(pool.toText()).isEqualTo(poolText);
            assertThat(SeedCommitment.commit(seed)).isEqualTo(vector.get("commitment"));
            assertThat(pool.totalWeight()).isEqualTo(Long.parseLong(vector.get("totalWeight")));
            DrawResult result = LotteryDraw.draw(vector.get("drawId"), pool, Integer.parseInt(vector.get("k")), seed,
                    vector.get("commitment"));
            assertThat(result.winnerCodes()).as(vector.get("drawId"))
                    .containsExactlyElementsOf(Arrays.asList(vector.get("winners").split(", ")));
        }
    }

    private static List<Map<String, String>> parse(String markdown) {
        List<Map<String, String>> vectors = new ArrayList<>();
        for (String block : markdown.split("```text\n")) {
            if (!block.startsWith("drawId:")) {
                continue;
            }
            Map<String, String> vector = new LinkedHashMap<>();
            StringBuilder pool = null;
            for (String line : block.substring(0, block.indexOf("```")).split("\n")) {
                if (line.equals("pool:")) {
                    pool = new StringBuilder();
                } else if (pool != null && !line.contains(": ")) {
                    pool.append(line).append('\n');
                } else {
                    if (pool != null) {
                        vector.put("pool", pool.toString());
                        pool = null;
                    }
                    vector.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2));
                }
            }
            vectors.add(vector);
        }
        return vectors;
    }
}
