"""Benchmark: in-process harm assessments per second.

Measures ``harm_model.assess`` for a full answer set and for the call handler's screen subset,
plus a baseline (building the same answers dict) measured in the same run, because these
machines are shared and noisy: compare ratios, not absolute figures. Prints the median of
several runs. Usage: ``python bench/assess.py [--runs N] [--number N]``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harm_model  # noqa: E402

sys.stdout.reconfigure(line_buffering=True)  # progress (stderr) and figures interleave

FULL = {
    "immediate_danger": False,
    "threats_or_violence": False,
    "self_harm_risk": False,
    "hostility_perceived": ["race"],
    "disability_or_illness": True,
    "age_vulnerable": False,
    "isolated": True,
    "financial_hardship": True,
    "self_perceived_vulnerable": True,
    "carer_or_dependants": False,
    "physical_health_affected": True,
    "mental_health_affected": True,
    "sleep_affected": True,
    "daily_life_affected": True,
    "feels_unsafe_at_home": False,
    "considering_moving": True,
    "children_affected": False,
    "fear_of_reprisal": True,
    "repeat": True,
    "frequency": "daily",
    "escalating": True,
    "feels_targeted": False,
    "property_damage": True,
    "reported_elsewhere": False,
}
SCREEN = {
    "immediate_danger": False,
    "threats_or_violence": False,
    "repeat": True,
    "feels_targeted": True,
    "hostility_perceived": [],
    "disability_or_illness": True,
    "reported_elsewhere": False,
}


def _time_per_call(fn, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def _median_us(fn, runs: int, number: int) -> float:
    fn()  # warm up (builds the policy tables once)
    return statistics.median(_time_per_call(fn, number) for _ in range(runs)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs; the median is reported")
    parser.add_argument("--number", type=int, default=20000, help="calls per run")
    args = parser.parse_args()
    assess = harm_model.assess
    policy = harm_model.get_policy()

    print(
        f"python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.platform()}"
    )
    print(f"policy {policy.version}; median of {args.runs} runs x {args.number} calls")
    baseline = _median_us(lambda: dict(FULL), args.runs, args.number)
    print(f"{'baseline: dict(full answers)':<32} {baseline:8.3f} us")
    for name, answers in (
        ("full answer set", FULL),
        ("call-handler screen", SCREEN),
        ("empty (first contact)", {}),
    ):
        print(f"  running {name}...", file=sys.stderr, flush=True)
        us = _median_us(lambda a=answers: assess(a, policy), args.runs, args.number)
        print(
            f"{'assess: ' + name:<32} {us:8.3f} us  {1e6 / us:10.0f} /s  "
            f"ratio to baseline {us / baseline:6.1f}x"
        )
    level = assess(FULL, policy)
    print(f"(full answer set -> {level.level.value}, score {level.score}; target < 50 us)")


if __name__ == "__main__":
    main()
