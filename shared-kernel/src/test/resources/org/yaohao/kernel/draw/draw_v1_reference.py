#!/usr/bin/env python3
"""Independent reference implementation of draw algorithm v1 (docs/draw-algorithm.md).

Deliberately naive: Python integers (no 64-bit wrap-around), a linear scan over the remaining
entries instead of a prefix-sum tree. It was run once to produce the expected winner orders that
are hard-coded in LotteryDrawTest; the Java build never runs it.

    python3 draw_v1_reference.py            # prints the expected values of the test cases
"""
import hashlib

TWO_64 = 1 << 64


def pool_text(entries):
    """entries: list of (code, weight); returns the canonical pool text (sorted by UTF-8 bytes)."""
    ordered = sorted(entries, key=lambda e: e[0].encode("utf-8"))
    codes = [c for c, _ in ordered]
    assert len(set(codes)) == len(codes), "codes must be unique"
    return "".join(f"{c},{w}\n" for c, w in ordered).encode("utf-8"), ordered


def pool_digest(entries):
    return hashlib.sha256(pool_text(entries)[0]).hexdigest()


def ticket(seed, draw_id, i, total):
    """Returns (r, j): the draw's number for draw index i and the attempt j that produced it."""
    assert len(seed) == 32 and 1 <= total
    limit = TWO_64 - (TWO_64 % total)
    j = 0
    while True:
        block = hashlib.sha256(
            seed + draw_id.encode("utf-8") + b"\x00" + i.to_bytes(4, "big") + j.to_bytes(4, "big")
        ).digest()
        x = int.from_bytes(block[:8], "big")
        if x < limit:
            return x % total, j
        j += 1


def draw(draw_id, entries, k, seed):
    """Returns (winners, rejections): winner codes in draw order, and how many attempts were rejected."""
    _, ordered = pool_text(entries)
    remaining = list(ordered)
    winners = []
    rejections = 0
    i = 0
    while len(winners) < k and remaining:
        total = sum(w for _, w in remaining)
        r, j = ticket(seed, draw_id, i, total)
        rejections += j
        running = 0
        for index, (code, weight) in enumerate(remaining):
            if running <= r < running + weight:
                winners.append(code)
                del remaining[index]
                break
            running += weight
        i += 1
    return winners, rejections


def seed_of(label):
    return hashlib.sha256(label.encode("utf-8")).digest()


def generated_pool(n):
    # the same formula is used by LotteryDrawTest.generatedPool
    return [(f"G{index:05d}", 1 + (index * 7919) % 97) for index in range(n)]


def java_list(codes):
    return "List.of(" + ", ".join('"' + c.encode("unicode_escape").decode("ascii").replace("\\u", "\\u") + '"'
                                  for c in codes) + ")"


def main():
    seq_seed = bytes(range(32))
    print("tiny digest", pool_digest([("A", 1), ("B", 2)]))
    print("commit(seq_seed)", hashlib.sha256(seq_seed).hexdigest())

    ten = [(f"C{n:02d}", w) for n, w in zip(range(1, 11), [10, 20, 30, 10, 50, 10, 10, 40, 10, 20])]
    print("ten digest", pool_digest(ten))
    print("ten k=4", java_list(draw("2023-ORD-02/PERSONAL", ten, 4, seq_seed)[0]))

    unicode_pool = [("Z", 1), ("é", 2), ("中", 3), ("\uFF21", 4), ("\U0001F600", 5), ("a", 6)]
    text, ordered = pool_text(unicode_pool)
    print("unicode order", java_list([c for c, _ in ordered]))
    print("unicode digest", hashlib.sha256(text).hexdigest())
    print("unicode k=3", java_list(draw("2023-NEV-01/企业", unicode_pool, 3, seed_of("unicode"))[0]))

    five = [("E1", 1), ("E2", 1), ("E3", 5), ("E4", 2), ("E5", 1)]
    print("five k=7", java_list(draw("2023-ORD-01/ENTERPRISE", five, 7, seed_of("five"))[0]))

    # rejection sampling within a pool: T = floor(2^64 / 3) + 1, about a third of the attempts rejected
    t = TWO_64 // 3 + 1
    big = [("BIG", 1 << 62), ("REST", t - (1 << 62)), ("ONE", 1)]
    t_big = sum(w for _, w in big)
    print("big T", t_big, "2^64 mod T", TWO_64 % t_big)
    for n in range(50):
        winners, rejections = draw("2023-ORD-03/PERSONAL", big, 3, seed_of(f"reject-{n}"))
        if rejections >= 2:
            print(f"big seed reject-{n} rejections {rejections}", java_list(winners))
            break

    # the ticket alone, for totals beyond a signed long
    for label, total in [("T=1", 1), ("T=2^40", 1 << 40), ("T=3", 3), ("T=2^63-1", (1 << 63) - 1),
                         ("T=2^63", 1 << 63), ("T=2^63+1", (1 << 63) + 1), ("T=2^64-1", TWO_64 - 1)]:
        print(label, "2^64 mod T =", TWO_64 % total)
    t = (1 << 63) + 1
    for n in range(50):
        seed = seed_of(f"ticket-{n}")
        r, j = ticket(seed, "2023-ORD-04/PERSONAL", 7, t)
        if j >= 2:
            print(f"T=2^63+1 seed ticket-{n} i=7 -> r={r} j={j}")
            break
    for label, total in [("T=2^64-1", TWO_64 - 1), ("T=2^63-1", (1 << 63) - 1), ("T=1", 1), ("T=2^40", 1 << 40)]:
        r, j = ticket(seq_seed, "2023-ORD-04/PERSONAL", 0, total)
        print(f"{label} seq_seed i=0 -> r={r} j={j}")

    gen = generated_pool(2000)
    winners, _ = draw("2023-ORD-05/PERSONAL", gen, 50, seed_of("generated"))
    print("generated digest", pool_digest(gen), "T", sum(w for _, w in gen))
    print("generated first 10", java_list(winners[:10]))
    print("generated all-winners sha256", hashlib.sha256("".join(c + "\n" for c in winners).encode()).hexdigest())


if __name__ == "__main__":
    main()
