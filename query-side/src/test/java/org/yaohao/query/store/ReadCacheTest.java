package org.yaohao.query.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache of look-ups: what it keeps, and that it never answers a value older than one a reader has seen. */
class ReadCacheTest {

    private final AtomicReference<String> store = new AtomicReference<>("v1");
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> read(Object key) {
        reads.incrementAndGet();
        return Optional.ofNullable(store.get());
    }

    @Test
    void aValueReadOnceIsAnsweredWithoutReadingTheStoreAgain() {
        ReadCache<String> cache = ReadCache.holding(10);

        assertThat(cache.get("a", this::read)).contains("v1");
        assertThat(cache.get("a", this::read)).contains("v1");

        assertThat(reads).hasValue(1);
    }

    @Test
    void aForgottenKeyIsReadAgainAndShowsTheWrite() {
        ReadCache<String> cache = ReadCache.holding(10);
        cache.get("a", this::read);

        store.set("v2");
        cache.forget(List.of("a"));

        assertThat(cache.get("a", this::read)).contains("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aValueReadWhileItsDocumentWasBeingWrittenIsNotKept() {
        ReadCache<String> cache = ReadCache.holding(10);

        Optional<String> racing = cache.get("a", key -> {
            Optional<String> old = read(key);
            store.set("v2"); // the writer's write and forget land after this reader read, before it keeps the value
            cache.forget(List.of("a"));
            return old;
        });

        assertThat(racing).contains("v1");
        assertThat(cache.get("a", this::read)).as("the old value was not kept").contains("v2");
    }

    @Test
    void forgettingEverythingReadsEveryKeyAgain() {
        ReadCache<String> cache = ReadCache.holding(10);
        cache.get("a", this::read);
        cache.get("b", this::read);

        store.set("v2");
        cache.forgetAll();

        assertThat(cache.get("a", this::read)).contains("v2");
        assertThat(cache.get("b", this::read)).contains("v2");
        assertThat(reads).hasValue(4);
    }

    @Test
    void anAbsentDocumentIsNotKept() {
        ReadCache<String> cache = ReadCache.holding(10);
        store.set(null);
        assertThat(cache.get("a", this::read)).isEmpty();

        store.set("v1");

        assertThat(cache.get("a", this::read)).contains("v1");
    }

    @Test
    void aCacheOfNoEntriesReadsTheStoreEveryTime() {
        ReadCache<String> cache = ReadCache.holding(0);

        cache.get("a", this::read);
        cache.get("a", this::read);

        assertThat(reads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> ReadCache.holding(-1)).isInstanceOf(IllegalArgumentException.class)
                                                     .hasMessageContaining("0 or more");
    }
}
