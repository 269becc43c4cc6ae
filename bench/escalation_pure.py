"""Benchmark: cost of folding one incident into a case's escalation state, and of reading the
flags, after 10 and after 10,000 earlier incidents (DOMAIN: the cost must not depend on the
history). Prints medians of several runs and the ratio between the two history lengths.
Usage: ``python bench/escalation_pure.py [--runs N] [--number N]``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harm_model as hm  # noqa: E402

CATS = ["noise", "verbal_abuse", "noise", "criminal_damage", "rowdy_behaviour", "threats"]
T0 = datetime(2020, 1, 1, tzinfo=UTC)


def incident(n: int) -> hm.Incident:
    occurred = T0 + timedelta(hours=6 * n)
    return hm.Incident(
        f"i{n:06d}",
        occurred,
        occurred + timedelta(hours=2),
        CATS[n % len(CATS)],
        hostility_strands=frozenset({"race"}) if n % 13 == 0 else frozenset(),
        victim_feels_targeted=n % 3 == 0,
        same_as=f"i{n - 1:06d}" if n % 17 == 0 else None,
    )


def history_state(length: int) -> hm.CaseState:
    state = hm.empty_state()
    for n in range(length):
        state = hm.fold(state, incident(n))
    return state


def median_us(fn, runs: int, number: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--number", type=int, default=5000)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.platform()}",
        flush=True,
    )
    results = {}
    for length in (10, 10_000):
        print(f"  folding a history of {length}...", file=sys.stderr, flush=True)
        state = history_state(length)
        new = incident(length)
        now = new.reported_at + timedelta(hours=1)
        fold_us = median_us(lambda s=state, i=new: hm.fold(s, i), args.runs, args.number)
        flags_us = median_us(lambda s=state, t=now: hm.flags(s, t), args.runs, args.number)
        results[length] = (fold_us, flags_us)
        print(
            f"history {length:>6}: fold {fold_us:7.2f} us   flags {flags_us:7.2f} us   "
            f"state {len(str(state.to_json()))} chars",
            flush=True,
        )
    ratio_fold = results[10_000][0] / results[10][0]
    ratio_flags = results[10_000][1] / results[10][1]
    print(f"ratio 10,000 / 10: fold {ratio_fold:.2f}x, flags {ratio_flags:.2f}x (1.0 = flat)")


if __name__ == "__main__":
    main()
