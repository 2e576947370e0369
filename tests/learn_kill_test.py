#!/usr/bin/env python3
"""The kill -9 test of Learn: chronicle_learn_writer studies the seed pack in Learn sessions
(each answer saved with the reviews of the facts it tested) on one save, and is killed with SIGKILL at random moments
(seeded), many times over the same save. After each kill the save must be whole (PRAGMA
integrity_check), hold every answer the child reported saved with its review, hold no
answer without its review nor a review without its answer, and each fact's state must
be the card of its latest review.

usage: learn_kill_test.py WRITER_BINARY PACK [--kills N] [--seed N] [--max-delay S]
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

CARD = "state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses"


def check_save(path, confirmed):
    """What is wrong with the save at `path`, or None. Opening it rolls back a journal
    left by the kill, as the next start of the game would."""
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            return f"integrity_check: {check}"
        answers = {row[0] for row in db.execute("SELECT id FROM study_answers")}
        reviewed = set(db.execute("SELECT study_answer_id, fact FROM fact_reviews"))
        for answer_id, fact in confirmed.items():
            if answer_id not in answers:
                return f"confirmed answer {answer_id} is missing"
            if (answer_id, fact) not in reviewed:
                return f"answer {answer_id}: no review of {fact}"
        lone = db.execute("SELECT a.id FROM study_answers a WHERE NOT EXISTS"
                          " (SELECT 1 FROM fact_reviews r WHERE r.study_answer_id = a.id)").fetchall()
        if lone:
            return f"answers without their review: {lone[:5]}"
        orphans = db.execute("SELECT id FROM fact_reviews WHERE study_answer_id IS NULL OR study_answer_id NOT IN"
                             " (SELECT id FROM study_answers)").fetchall()
        if orphans:
            return f"reviews without their answer: {orphans[:5]}"
        latest = {}
        for row in db.execute(f"SELECT pack_id, fact, {CARD}, rating FROM fact_reviews ORDER BY at, id"):
            latest[(row[0], row[1])] = row[2:]
        states = {(row[0], row[1]): row[2:] for row in db.execute(f"SELECT pack_id, fact, {CARD}, last_rating FROM fact_states")}
        if states != latest:
            wrong = sorted(k for k in set(states) | set(latest) if states.get(k) != latest.get(k))
            return f"fact states differ from the latest reviews for {wrong[:5]}"
    finally:
        db.close()
    return None


def run_child(binary, pack, save, delay, confirmed):
    """Starts the writer, lets it run for `delay` seconds, kills it with SIGKILL and reads
    what it reported saved. Returns how many answers it confirmed."""
    child = subprocess.Popen([binary, save, pack], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate()
    if child.returncode != -signal.SIGKILL:
        raise SystemExit(f"the writer ended by itself ({child.returncode}): {err.decode(errors='replace')}")
    count = 0
    for line in out.split(b"\n"):
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3 or parts[0] != b"saved":
            continue  # the last line, cut short by the kill: not confirmed
        confirmed[int(parts[1])] = parts[2].decode()
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("writer")
    parser.add_argument("pack")
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-delay", type=float, default=0.12)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="chronicle-learn-kill-") as folder:
        save = os.path.join(folder, "chronicle.db")
        confirmed = {}
        # A first run long enough to make the save and confirm some answers.
        run_child(args.writer, args.pack, save, 0.5, confirmed)
        if not confirmed:
            print("the writer confirmed nothing in half a second")
            return 1
        for kill in range(1, args.kills + 1):
            run_child(args.writer, args.pack, save, rng.uniform(0.005, args.max_delay), confirmed)
            problem = check_save(save, confirmed)
            if problem:
                print(f"after kill {kill} (seed {args.seed}): {problem}")
                return 1
        print(f"{args.kills} kills, {len(confirmed)} answers confirmed and kept, fact states right,"
              f" in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
