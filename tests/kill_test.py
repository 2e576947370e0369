#!/usr/bin/env python3
"""The kill -9 test: the real game (chronicle_save_soak, the SDL game headless) plays
and saves games in a loop; it is killed with SIGKILL at random moments (seeded), many
times over one save. After each kill the save must be whole (PRAGMA integrity_check)
and hold every game the child reported saved, with all its answers.

usage: kill_test.py SOAK_BINARY [--kills N] [--seconds S] [--seed N]
"""
import argparse
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def check_save(path, confirmed):
    """What is wrong with the save at `path`, or None. Opening it rolls back a journal
    left by the kill, as the next start of the game would."""
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            return f"integrity_check: {check}"
        for game_id, questions in confirmed.items():
            row = db.execute("SELECT questions FROM games WHERE id = ?", (game_id,)).fetchone()
            if row is None:
                return f"confirmed game {game_id} is missing"
            answers = db.execute("SELECT count(*) FROM answers WHERE game_id = ?", (game_id,)).fetchone()[0]
            if row[0] != questions or answers != questions:
                return f"game {game_id}: {answers} answers of {row[0]}, expected {questions}"
        half = db.execute("SELECT g.id FROM games g WHERE g.questions != "
                          "(SELECT count(*) FROM answers a WHERE a.game_id = g.id)").fetchall()
        if half:
            return f"half-written games: {half}"
    finally:
        db.close()
    return None


def run_child(binary, data, lifetime, confirmed, until=None):
    """Starts the game, reads what it confirms for `lifetime` seconds (or until it has
    confirmed `until` games), then kills it. Returns how many games it confirmed."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", SDL_RENDER_DRIVER="software")
    child = subprocess.Popen([binary, data], stdout=subprocess.PIPE, env=env)
    deadline = time.monotonic() + lifetime
    buffered = b""
    count = 0

    def take(chunk):
        nonlocal buffered, count
        buffered += chunk
        *lines, buffered = buffered.split(b"\n")
        for line in lines:
            word, game_id, questions = line.split()
            assert word == b"saved", line
            confirmed[int(game_id)] = int(questions)
            count += 1

    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([child.stdout], [], [], left)
        if ready:
            chunk = os.read(child.stdout.fileno(), 4096)
            if not chunk:
                break  # the child ended by itself
            take(chunk)
            if until is not None and count >= until:
                break
    if child.poll() is not None:
        raise SystemExit(f"the game ended by itself with {child.returncode}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    # What it printed before it died was confirmed before it died.
    take(child.stdout.read())
    child.stdout.close()
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0, help="stop killing after this long")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    confirmed = {}
    with tempfile.TemporaryDirectory(prefix="chronicle-kill-") as data:
        save = os.path.join(data, "chronicle.db")
        # How long the game takes to start and save two games: the kills are spread over
        # that, so about half come while it starts (and writes to the save) and half
        # while it plays and saves.
        started = time.monotonic()
        if run_child(args.binary, data, 15.0, confirmed, until=2) < 2:
            raise SystemExit("the game saved fewer than two games in 15 s; nothing to test")
        span = time.monotonic() - started
        tried = held = 0
        began = time.monotonic()
        # A slow machine (a sanitizer build, a busy CI) stretches the time, not the test:
        # ten runs of at most `span` always fit.
        seconds = max(args.seconds, 10 * span)
        while tried < args.kills and time.monotonic() - began < seconds:
            run_child(args.binary, data, rng.uniform(0.0, span), confirmed)
            tried += 1
            problem = check_save(save, confirmed)
            if problem:
                print(f"kill {tried}: {problem}", file=sys.stderr)
            else:
                held += 1
        print(f"kill -9 of the real game: {tried} kills tried, {held} held; "
              f"{len(confirmed)} confirmed games, all checked after every kill")
        if held != tried or tried < min(args.kills, 10):
            sys.exit(1)


if __name__ == "__main__":
    main()
