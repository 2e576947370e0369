#!/usr/bin/env python3
"""Reads many generated quizzes the way a careful teacher would, and prints the figures
of issue 10: how far blind strategies beat chance, options the prompt rules out, dates
outside the pack's window, repeats and leaks within a quiz, overlap between quizzes,
and ASCII punctuation beside Chinese characters.

    scripts/quiz_audit.py [--chronicle build/chronicle] [--pack questions/openai-2023.json] [--seeds 200]

Quizzes come from `chronicle export --format json`, so this measures what a player sees.
"""
import argparse
import itertools
import json
import re
import subprocess
import sys
from collections import Counter

ORDERING = {"first", "last", "order", "before_after"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
HAN = r"[\u4e00-\u9fff]"
ASCII_BY_HAN = re.compile(rf"{HAN}[,.:;?!()]|[,:;?!()]{HAN}")


def export(chronicle, pack, seed, count, difficulty, lang):
    out = subprocess.run([chronicle, "export", "--pack", pack, "--seed", str(seed), "--count", str(count),
                          "--difficulty", difficulty, "--lang", lang, "--format", "json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["questions"]


def month_index(text):
    """(year, month) bounds of an English date option, e.g. "May 2024" → ((2024, 5), (2024, 5))."""
    found = []
    for m in re.finditer(r"(?:(\d{1,2}) )?(?:(" + "|".join(MONTHS) + r") )?(\d{4})", text):
        year = int(m.group(3))
        found.append((year, MONTHS.index(m.group(2)) + 1 if m.group(2) else None))
    return found


def names_of(person):
    names = list(person.get("aliases") or [])
    name = person["name"]
    names += list(name.values()) if isinstance(name, dict) else [name]
    return [n for n in names if n]


def local(text, lang):
    return text.get(lang) or next(iter(text.values())) if isinstance(text, dict) else text


def named_in(text, names):
    return any(n.lower() in text.lower() for n in names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", default="build/chronicle")
    ap.add_argument("--pack", default="questions/openai-2023.json")
    ap.add_argument("--seeds", type=int, default=200)
    args = ap.parse_args()
    with open(args.pack, encoding="utf-8") as f:
        pack = json.load(f)
    people = {p["id"]: names_of(p) for p in pack.get("people", [])}
    events = {e["id"]: e for e in pack["events"]}
    dated = [e["date"] for e in pack["events"] if e.get("date")]
    window_end = (pack.get("source") or {}).get("date") or max(d if isinstance(d, str) else d["to"] for d in dated)
    end_year, end_month = int(window_end[:4]), int(window_end[5:7]) if len(window_end) >= 7 else 12

    strategies = Counter()  # strategy → right answers
    chance = 0.0
    picked = Counter()  # (difficulty, kind) → (latest date right, questions)
    ruled_out = asked_who = outside = when_options = 0
    repeated_sets = quizzes = who_did = who_did_leaked = 0
    all_authored = all_who_said = 0
    asked_per_seed = {}
    punct = punct_questions = 0
    per_kind = Counter()
    authored_total = sum(1 for _ in pack.get("questions", []))
    quote_total = len(pack.get("quotes", []))
    for difficulty, lang in itertools.product(["easy", "normal", "hard"], ["zh", "en"]):
        for seed in range(1, args.seeds + 1):
            quiz = export(args.chronicle, args.pack, seed, 10, difficulty, lang)
            quizzes += 1
            shown = ""  # everything the quiz printed before the current question
            sets = Counter()
            for q in quiz:
                per_kind[q["kind"]] += 1
                n = len(q["options"])
                right = [o["id"] for o in q["options"]].index(q["answer"][0])
                if q["kind"] != "order":
                    chance += 1 / n
                    strategies["always first"] += right == 0
                    strategies["always last"] += right == n - 1
                    strategies["always second"] += right == 1
                if q["kind"] == "when":
                    latest = picked[(difficulty, "when")]
                    picked[(difficulty, "when")] = (latest[0] + (right == n - 1), latest[1] + 1) if latest else (right == n - 1, 1)
                    if lang == "en":
                        for o in q["options"]:
                            when_options += 1
                            for year, month in month_index(o["text"]):
                                if (year, month or 1) > (end_year, end_month):
                                    outside += 1
                                    break
                if q["kind"] in ("who_said", "who_did"):
                    text = q["prompt"] + " " + " ".join(local(events[e]["text"], lang) for e in q["events"])
                    for i, o in enumerate(q["options"]):
                        if i != right and o.get("person"):
                            asked_who += 1
                            ruled_out += named_in(text, people[o["person"]])
                if q["kind"] == "who_did":
                    # Given away when the event's own headline or text, which names who did
                    # it, was printed earlier (a name printed elsewhere gives nothing away).
                    who_did += 1
                    event = events[q["events"][0]]
                    own = [local(event["headline"], lang), local(event["text"], lang)]
                    who_did_leaked += any(t in shown for t in own) and any(
                        named_in(t, people[q["options"][right]["person"]]) for t in own)
                if q["kind"] in ORDERING:
                    sets[frozenset(q["events"])] += 1
                shown += "\n".join([q["prompt"], q["explanation"]] + [o["text"] for o in q["options"]]) + "\n"
            repeated_sets += sum(c - 1 for c in sets.values() if c > 1)
            kinds = Counter(q["kind"] for q in quiz)
            all_authored += authored_total > 0 and kinds["authored"] == authored_total
            all_who_said += quote_total > 0 and kinds["who_said"] == quote_total
            if difficulty == "normal":
                asked_per_seed[(lang, seed)] = {
                    frozenset(q["events"]) if q["kind"] in ORDERING else q["prompt"] for q in quiz}
    long_all_authored = long_all_quotes = 0
    for seed in range(1, min(args.seeds, 40) + 1):
        quiz = export(args.chronicle, args.pack, seed, 30, "normal", "zh")
        kinds = Counter(q["kind"] for q in quiz)
        long_all_authored += authored_total > 0 and kinds["authored"] == authored_total
        long_all_quotes += quote_total > 0 and kinds["who_said"] == quote_total
        for q in quiz:
            texts = [q["prompt"], q["explanation"]] + [o["text"] for o in q["options"]]
            hits = sum(len(ASCII_BY_HAN.findall(t)) for t in texts)
            punct += hits
            punct_questions += hits > 0

    print(f"pack {args.pack}: {quizzes} quizzes of 10 ({args.seeds} seeds × easy/normal/hard × zh/en)")
    print("blind strategies (right answers ÷ chance, one-answer questions):")
    for name, hits in strategies.items():
        print(f"  {name:14} {hits / chance:.2f}×")
    for d in ["easy", "normal", "hard"]:
        latest, total = picked[(d, "when")] or (0, 0)
        if total:
            print(f"  {d:6} when: the latest date is right {100 * latest / total:.0f} % of {total}")
    print(f"who_* wrong options named in the prompt or the event's text: {ruled_out} of {asked_who}")
    print(f"when options after the window's end ({window_end}): {outside} of {when_options} (en)")
    print(f"event sets asked twice in one quiz: {repeated_sets} (in {quizzes} quizzes)")
    print(f"who_did after the quiz printed its event's headline or text: {who_did_leaked} of {who_did}"
          f" ({100 * who_did_leaked / max(1, who_did):.0f} %)")
    print(f"quizzes of 10 with every authored question: {all_authored} of {quizzes}; with every quote: {all_who_said}")
    print(f"quizzes of 30 with every authored question: {long_all_authored} of {min(args.seeds, 40)};"
          f" with every quote: {long_all_quotes}")
    for lang in ["zh", "en"]:
        pairs = [len(asked_per_seed[(lang, s)] & asked_per_seed[(lang, s + 1)]) for s in range(1, args.seeds)]
        distinct = set().union(*(asked_per_seed[(lang, s)] for s in range(1, args.seeds + 1)))
        print(f"normal, {lang}: consecutive seeds share {sum(pairs) / len(pairs):.2f} of 10;"
              f" {len(distinct)} distinct questions over {args.seeds} quizzes")
    print(f"zh, 30 questions, {min(args.seeds, 40)} seeds: {punct} ASCII punctuation marks beside Han characters"
          f" in {punct_questions} questions")
    print("questions per kind:", dict(per_kind))


if __name__ == "__main__":
    sys.exit(main())
