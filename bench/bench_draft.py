"""Draft speed: p50/p99 of draft_with_notes in process, and the CLI's wall time.

    .venv/bin/python bench/bench_draft.py [--runs 400]

Target (issue 4): p50 <= 50 ms in process. The library is loaded once (cached) before timing,
as in a running server; the cold load is printed separately.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from txplan.core.drafting import DraftRequest, draft_with_notes, load_library
from txplan.core.drafting.library import _load, default_directory

START = date(2026, 3, 2)
REQUESTS = [
    DraftRequest(
        diagnoses=["F33.1"],
        start=START,
        approach="CBT",
        presenting_problem="Low mood since March; missed 6 days of work. Stopped going "
        "to the gym. Denies suicidal ideation.",
        strengths=["Supportive sister"],
    ),
    DraftRequest(
        diagnoses=["F41.1", "F51.01"],
        start=START,
        review_days=60,
        presenting_problem="Worries all day about her job; can't fall asleep.",
    ),
    DraftRequest(
        diagnoses=["F43.10", "F10.20"],
        start=START,
        approach="CPT",
        presenting_problem="Nightmares since the crash; avoids driving on the highway. "
        "Drinking 6 beers a night to sleep. Passive SI.",
    ),
    DraftRequest(
        diagnoses=["F90.0"],
        start=START,
        review_days=30,
        presenting_problem="8-year-old; his teacher reports he leaves his seat and "
        "blurts out; homework not handed in.",
    ),
    DraftRequest(
        diagnoses=[],
        start=START,
        presenting_problem="Panic attacks in crowded stores; heart pounding; "
        "afraid of having another attack.",
    ),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=400)
    args = parser.parse_args()

    started = time.perf_counter()
    library = _load(default_directory())
    cold = time.perf_counter() - started
    load_library()  # the cached library the drafter uses
    for request in REQUESTS:  # warm caches (ICD-10-CM lookups, compiled signals)
        draft_with_notes(request)

    timings: list[float] = []
    for run in range(args.runs):
        request = REQUESTS[run % len(REQUESTS)]
        started = time.perf_counter()
        draft_with_notes(request)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"library: {len(library.areas)} areas, cold load {cold * 1000:.0f} ms")
    print(
        f"draft in process ({args.runs} runs, {len(REQUESTS)} requests): "
        f"p50 {statistics.median(timings):.2f} ms, p99 {percentile(timings, 0.99):.2f} ms "
        f"(target p50 <= 50 ms)"
    )

    txplan = shutil.which("txplan", path=str(Path(sys.executable).parent)) or "txplan"
    command = [
        txplan,
        "draft",
        "--dx",
        "F33.1",
        "--problem",
        "Low mood; missed work.",
        "--start",
        "2026-03-02",
    ]
    walls: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        walls.append(time.perf_counter() - started)
        if done.returncode != 0:
            print(f"CLI failed ({done.returncode}): {done.stderr.strip()}")
            return
    print(
        f"CLI wall time (txplan draft, 5 runs): median {statistics.median(walls) * 1000:.0f} ms, "
        f"min {min(walls) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
