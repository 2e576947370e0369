#!/usr/bin/env python3
"""Racing imports into one data folder: waves of `chronicle import --install` started
at once, some with ids of their own, some all with the same id (with and without
--force), some with an id a bundled pack has. Every process must end with a clear
status, each id must end up as one complete, valid pack, a clash must be reported as
a clash, and no temporary file may be left. Usage: race_import_test.py CHRONICLE"""
import os
import subprocess
import sys
import tempfile

CHRONICLE = sys.argv[1]
WAVES, PER_WAVE = 8, 25
OWN, SHARED, SHARED_FORCED, BUNDLED = "own", "shared", "shared --force", "bundled"
# Per wave: 13 ids of their own, 5 on the shared id, 5 on it with --force, 2 on a bundled pack's id.
PLAN = [OWN] * 13 + [SHARED] * 5 + [SHARED_FORCED] * 5 + [BUNDLED] * 2
assert len(PLAN) == PER_WAVE

failures, tried, held = [], 0, 0


def check(condition, what):
    global tried, held
    tried += 1
    held += bool(condition)
    if not condition:
        failures.append(what)


with tempfile.TemporaryDirectory() as root:
    data = os.path.join(root, "data")  # made by the racers themselves
    env = dict(os.environ, CHRONICLE_DATA_DIR=data)
    writers = {}  # pack id → the writer names of the processes that reported success
    for wave in range(WAVES):
        procs = []
        for i, role in enumerate(PLAN):
            name = f"w{wave}p{i}"
            sheet = os.path.join(root, name + ".csv")
            with open(sheet, "w", encoding="utf-8") as f:
                f.write(f"date,headline,text\n1957-10-04,Sputnik {name},First\n1961-04-12,Gagarin {name},Orbit\n"
                        f"1969-07-20,Apollo {name},Moon\n")
            pack_id = {OWN: name, SHARED: "shared", SHARED_FORCED: "shared", BUNDLED: "openai-2023"}[role]
            args = [CHRONICLE, "import", sheet, "--install", "--id", pack_id] + (["--force"] if role == SHARED_FORCED else [])
            procs.append((name, role, pack_id,
                          subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        for name, role, pack_id, p in procs:
            try:
                out, err = p.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
                check(False, f"{name} ({role}) hung")
                continue
            what = f"{name} ({role}): exit {p.returncode}, stderr {err[:300]!r}"
            if p.returncode == 0:
                check(role != BUNDLED and f'"{pack_id}" written to' in out and err == "", what)
                writers.setdefault(pack_id, []).append(name)
            elif role == BUNDLED:
                check(p.returncode == 1 and err.startswith('chronicle: pack id "openai-2023" is already used by ')
                      and err.endswith("; choose another with --id\n") and err.count("\n") == 1, what)
            elif role == SHARED:
                check(p.returncode == 1 and err.endswith(" already exists; use --force to replace it\n")
                      and err.count("\n") == 1 and "shared.json" in err, what)
            else:  # an own id or --force: nothing may stop these
                check(False, what)

    packs = os.path.join(data, "packs")
    names = sorted(os.listdir(packs))
    check(not [n for n in names if ".tmp-" in n], f"temporary files left: {[n for n in names if '.tmp-' in n]}")
    own_ids = {f"w{w}p{i}" for w in range(WAVES) for i, role in enumerate(PLAN) if role == OWN}
    check(set(names) == {i + ".json" for i in own_ids | {"shared"}}, f"one file per id, no other: {names}")
    check(set(writers) == own_ids | {"shared"}, "every own id and the shared id were written")
    check(all(len(writers.get(i, [])) == 1 for i in own_ids), "each own id written once")
    shared_plain = [n for n in writers.get("shared", []) if PLAN[int(n.split("p")[1])] == SHARED]
    check(len(shared_plain) <= 1, f"without --force, the shared id was written at most once: {shared_plain}")
    r = subprocess.run([CHRONICLE, "validate", *[os.path.join(packs, n) for n in names]], capture_output=True, text=True,
                       env=env, timeout=120)
    check(r.returncode == 0 and r.stdout.count(": ok, pack ") == len(names), f"every pack file validates: {r.stderr[:500]!r}")
    with open(os.path.join(packs, "shared.json"), encoding="utf-8") as f:
        shared = f.read()
    last = [n for n in writers.get("shared", []) if f'"Sputnik {n}"' in shared]
    check(len(last) == 1 and f'"Apollo {last[0]}"' in shared and shared.count('"Sputnik ') == 1,
          "the shared pack is one writer's whole pack, not a mixture")

statuses = WAVES * PER_WAVE
for f in failures:
    print("FAIL:", f)
print(f"{statuses} racing imports ({WAVES} waves of {PER_WAVE}); {held} of {tried} checks held")
sys.exit(1 if failures else 0)
