package org.yaohao.kernel.draw;

/**
 * A Fenwick (binary indexed) tree over the remaining weights of a pool's entries, in pool order: finds the entry
 * whose ticket range {@code [C(e−1), C(e))} holds a ticket, and removes an entry, each in {@code O(log n)}.
 * The weights and their total are non-negative signed longs (a {@link Pool} refuses a total above 2^63 − 1).
 */
final class WeightTree {

    private final long[] tree;
    private final long[] weights;
    private final int highestStep;
    private long total;
    private int remaining;

    WeightTree(long[] weights) {
        int n = weights.length;
        this.weights = weights.clone();
        this.tree = new long[n + 1];
        long sum = 0;
        int positive = 0;
        for (int i = 1; i <= n; i++) {
            long w = weights[i - 1];
            if (w < 0) {
                throw new IllegalArgumentException("a weight must not be negative");
            }
            if (w > 0) {
                positive++;
            }
            sum = Math.addExact(sum, w);
            tree[i] += w;
            int parent = i + (i & -i);
            if (parent <= n) {
                tree[parent] += tree[i];
            }
        }
        this.total = sum;
        this.remaining = positive;
        this.highestStep = n == 0 ? 0 : Integer.highestOneBit(n);
    }

    /** The total weight of the entries not yet removed. */
    long total() {
        return total;
    }

    /** How many entries with a positive weight are left. */
    int remaining() {
        return remaining;
    }

    /**
     * The 0-based index of the entry whose range holds {@code ticket}, that is the smallest {@code e} with
     * {@code ticket < C(e)}; {@code 0 ≤ ticket < total()}. An entry of weight 0 covers no ticket and is never found.
     */
    int find(long ticket) {
        if (ticket < 0 || ticket >= total) {
            throw new IllegalArgumentException("ticket " + ticket + " outside [0, " + total + ")");
        }
        int position = 0;
        long rest = ticket;
        for (int step = highestStep; step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] <= rest) {
                position = next;
                rest -= tree[next];
            }
        }
        return position;
    }

    /** Removes the entry at {@code index}: its weight becomes 0. */
    void remove(int index) {
        long w = weights[index];
        if (w == 0) {
            throw new IllegalStateException("entry " + index + " was already removed");
        }
        weights[index] = 0;
        for (int i = index + 1; i < tree.length; i += i & -i) {
            tree[i] -= w;
        }
        total -= w;
        remaining--;
    }
}
