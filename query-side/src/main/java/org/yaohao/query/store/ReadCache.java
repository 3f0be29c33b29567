package org.yaohao.query.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Stored documents, decoded, kept in memory for the look-ups that read the same ones again: a hit is answered without
 * the round trip to MongoDB and without decoding. At most {@code entries} are kept (the least used go first); 0 keeps
 * none and every {@link #get} reads the store.
 * <p>
 * Coherent with the writes of this process only: the collection's writer calls {@link #forget} once its write has
 * reached the store, and whoever replaces the whole collection calls {@link #forgetAll}. A value read from the store
 * while a write was going out is kept only if no forget happened between the read's start and its entry: every
 * forget counts, and a reader whose count moved takes its entry back. So a reader that has seen a write never gets
 * an older value afterwards. A process whose collection is also written by another process (query sides scaled out
 * over one MongoDB database) must keep none.
 *
 * @param <V> the decoded document, immutable
 */
public final class ReadCache<V> {

    private final Cache<Object, V> entries;
    private final AtomicLong forgets = new AtomicLong();

    private ReadCache(Cache<Object, V> entries) {
        this.entries = entries;
    }

    /** A cache of at most {@code entries} values; none at 0. */
    public static <V> ReadCache<V> holding(long entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("a cache holds 0 or more entries, not " + entries);
        }
        return new ReadCache<>(entries == 0 ? null : Caffeine.newBuilder().maximumSize(entries).build());
    }

    /** The value kept for the key, else what {@code load} reads from the store (kept when present). */
    public Optional<V> get(Object key, Function<Object, Optional<V>> load) {
        if (entries == null) {
            return load.apply(key);
        }
        V kept = entries.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = forgets.get();
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(value -> {
            entries.put(key, value);
            if (forgets.get() != before) {
                entries.asMap().remove(key, value);
            }
        });
        return loaded;
    }

    /** Forgets these keys: their documents were just written (or deleted) in the store. */
    public void forget(Collection<?> keys) {
        if (entries != null) {
            forgets.incrementAndGet();
            entries.invalidateAll(keys);
        }
    }

    /** Forgets everything: the collection was replaced as a whole. */
    public void forgetAll() {
        if (entries != null) {
            forgets.incrementAndGet();
            entries.invalidateAll();
        }
    }

    /** How many values are kept now (approximately, as the cache evicts in the background). */
    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }
}
