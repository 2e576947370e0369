#!/usr/bin/env python3
"""Big packs at the speed of the disk: issue 14's table, measured.

A program to run by hand on a Release build (not a test; CI runs it once with
--quick so that it keeps working):

    cmake --build build --target chronicle chronicle_bench chronicle_json_parse chronicle_ui_bench
    python3 tests/bench/big_packs.py [--build build] [--runs 5] [--quick]

Each row runs the subject and its yardstick alternately, --runs times, each as its
own process, and prints the ratio subject/yardstick per pair of runs as
min/median/max, with the medians of both. Time is wall time; memory is each
process's peak resident set (wait4). Packs come from chronicle_bench's generator
(deterministic), the CSV and TimelineJS files are made from the 100k pack here.
Exits 0 however the figures turn out: the goals are printed beside them.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024


def run(cmd, env=None, stdout=subprocess.DEVNULL):
    """Runs cmd to its end: (wall seconds, CPU seconds, peak RSS in bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # validate and import exit 1 on warnings-as-errors only
        sys.exit(f"big_packs: {' '.join(cmd)} failed with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def spread(values):
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def compare(name, subject, yardstick, runs, goal, env=None):
    """Alternating runs of two commands; prints and returns the median wall ratio."""
    a, b = [], []
    for _ in range(runs):
        a.append(run(subject, env))
        b.append(run(yardstick, env))
    wall = [x[0] / y[0] for x, y in zip(a, b)]
    cpu = [x[1] / max(y[1], 1e-9) for x, y in zip(a, b)]
    print(f"{name}")
    print(f"    wall ratio min/median/max {spread(wall)}   (goal {goal})   "
          f"medians {statistics.median(x[0] for x in a) * 1e3:.0f} ms vs {statistics.median(y[0] for y in b) * 1e3:.0f} ms")
    print(f"    CPU  ratio min/median/max {spread(cpu)}")
    return statistics.median(wall), a, b


def peak(results):
    return statistics.median(r[2] for r in results)


def write_csv(pack, path):
    """The pack's events as a spreadsheet the CSV importer reads (English text)."""
    people = {p["id"]: p["name"]["en"] if isinstance(p["name"], dict) else p["name"] for p in pack["people"]}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Headline", "Text", "People"])
        for e in pack["events"]:
            if not isinstance(e.get("date"), (str, int)):
                continue  # undated, or a range
            w.writerow([e["date"], e["headline"]["en"], e["text"]["en"], "; ".join(people[a] for a in e.get("actors", []))])


def write_timeline(pack, path):
    """The pack's events as a TimelineJS file."""
    events = []
    for e in pack["events"]:
        if not isinstance(e.get("date"), (str, int)):
            continue  # undated, or a range
        parts = str(e["date"]).split("-")
        start = {"year": parts[0]}
        if len(parts) > 1:
            start["month"] = parts[1]
        if len(parts) > 2:
            start["day"] = parts[2]
        events.append({"start_date": start, "text": {"headline": e["headline"]["en"], "text": e["text"]["en"]}})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"title": {"text": {"headline": "Big timeline"}}, "events": events}, f, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="small packs, one run: checks the script works")
    args = ap.parse_args()
    runs = 1 if args.quick else max(args.runs, 1)
    sizes = [100, 1000] if args.quick else [1000, 10000, 100000]
    big = sizes[-1]
    bin_ = lambda name: os.path.join(args.build, name)
    chronicle = bin_("chronicle")
    bench = bin_("tests/bench/chronicle_bench")
    json_parse = bin_("tests/bench/chronicle_json_parse")
    ui_bench = bin_("tests/bench/chronicle_ui_bench")
    for program in (chronicle, bench, json_parse):
        if not os.access(program, os.X_OK):
            sys.exit(f"big_packs: {program} is missing; build it first (see the top of this file)")

    with tempfile.TemporaryDirectory() as work:
        packs = {}
        for n in sizes:
            packs[n] = os.path.join(work, f"big-{n}.json")
            subprocess.run([bench, str(n), f"--write={packs[n]}"], check=True, stdout=subprocess.DEVNULL)
        print(f"# packs: " + ", ".join(f"{n:,} events = {os.path.getsize(p) / MIB:.1f} MiB" for n, p in packs.items()))
        print(f"# {runs} alternating runs per row; ratios subject/yardstick")
        print()

        # 1. validate against nlohmann's parse, and how it grows
        per_mib = {}
        for n in sizes:
            ratio, a, _ = compare(f"validate {n:,}-event pack vs nlohmann::json::parse of it",
                                  [chronicle, "validate", packs[n]], [json_parse, packs[n]], runs, "<= 1.0")
            per_mib[n] = statistics.median(x[0] for x in a) / (os.path.getsize(packs[n]) / MIB)
            print(f"    peak memory {peak(a) / MIB:.0f} MiB = {peak(a) / os.path.getsize(packs[n]):.2f}x the file (goal <= 3x)")
        print("growth: validate ms per MiB " + ", ".join(f"{n:,}: {per_mib[n] * 1e3:.1f}" for n in sizes) +
              f"  ({big:,} / {sizes[0]:,}: {per_mib[big] / per_mib[sizes[0]]:.2f}x per MiB)")
        print()

        # 2. the glyph check's share of a load (chronicle_bench measures it in process)
        out = subprocess.run([bench, str(big), "--only=glyphs"], check=True, capture_output=True, text=True).stdout
        figures = dict(line.split("=", 1) for line in out.splitlines() if "=" in line and not line.startswith("#"))
        if "glyph_share" in figures:
            print(f"glyph-coverage check of the {big:,}-event pack: {float(figures['glyph_ms']):.1f} ms = "
                  f"{float(figures['glyph_share']) * 100:.1f} % of its load (goal <= 5 %)")
            print()

        # 3. start-up with one 10k pack in the user folder vs the bundled pack only
        if os.access(ui_bench, os.X_OK):
            env = dict(os.environ, SDL_AUDIODRIVER="dummy")
            if not env.get("DISPLAY"):
                env.update(SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software")
            start_pack = packs[sizes[1] if len(sizes) > 2 else sizes[-1]]
            with_pack, bundled = os.path.join(work, "with-pack"), os.path.join(work, "bundled")
            os.makedirs(os.path.join(with_pack, "packs"))
            os.makedirs(os.path.join(bundled, "packs"))
            os.link(start_pack, os.path.join(with_pack, "packs", "big.json"))
            for d in (with_pack, bundled):  # the first start indexes the packs; later ones are what is measured
                run([ui_bench, "0"], dict(env, CHRONICLE_DATA_DIR=d))
            a, b = [], []
            for _ in range(runs):
                a.append(run([ui_bench, "0"], dict(env, CHRONICLE_DATA_DIR=with_pack)))
                b.append(run([ui_bench, "0"], dict(env, CHRONICLE_DATA_DIR=bundled)))
            print(f"start-up with a {os.path.getsize(start_pack) / MIB:.1f} MiB pack in the user folder vs the bundled pack only")
            print(f"    wall ratio min/median/max {spread([x[0] / y[0] for x, y in zip(a, b)])}   (goal <= 1.2)")
            print(f"    CPU  ratio min/median/max {spread([x[1] / y[1] for x, y in zip(a, b)])}   (goal <= 1.2)")
            print()

        # 4. imports against Python reading the same input
        with open(packs[big], encoding="utf-8") as f:
            pack = json.load(f)
        csv_path, timeline_path = os.path.join(work, "big.csv"), os.path.join(work, "big-timeline.json")
        write_csv(pack, csv_path)
        write_timeline(pack, timeline_path)
        del pack
        out_pack = os.path.join(work, "imported.json")
        for label, path, reader, goal in (
                ("CSV", csv_path, "import csv, sys; rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))", "<= 2.0"),
                ("TimelineJS", timeline_path, "import json, sys; doc = json.load(open(sys.argv[1], encoding='utf-8'))", "<= 1.5")):
            size = os.path.getsize(path)
            _, a, b = compare(f"import of a {size / MIB:.1f} MiB {label} file ({big:,} rows) vs Python reading it",
                              [chronicle, "import", path, "-o", out_pack, "--force"], [sys.executable, "-c", reader, path], runs, goal)
            print(f"    peak memory {peak(a) / MIB:.0f} MiB vs {peak(b) / MIB:.0f} MiB; {peak(a) / size:.2f}x the input (goal <= 3x)")
        print()

        # 5. export: streaming, memory flat in the number of questions
        counts = [100, 1000] if args.quick else [1000, 10000, 100000]
        results = {}
        for count in counts:
            samples = [run([chronicle, "export", "--pack", packs[big], "--seed", "1", "--count", str(count),
                            "-o", os.path.join(work, "quiz.json")]) for _ in range(runs)]
            results[count] = samples
            print(f"export of {count:,} questions: median {statistics.median(s[0] for s in samples):.2f} s, "
                  f"peak {peak(samples) / MIB:.0f} MiB")
        print(f"    memory {counts[-1]:,} vs {counts[0]:,} questions: {peak(results[counts[-1]]) / peak(results[counts[0]]):.2f}x "
              f"(goal: flat)")


if __name__ == "__main__":
    main()
