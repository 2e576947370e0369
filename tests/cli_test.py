#!/usr/bin/env python3
"""The chronicle command line, end to end: exit codes, what goes to stdout and
stderr, and the shape of `export --format json`. Usage: cli_test.py CHRONICLE QUESTIONS_DIR [MAKE_HISTORY]
(chronicle_make_history, tests/make_history.cpp: with it, `progress` is checked against core's report)"""
import json
import os
import re
import select
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request

import jsonschema

CHRONICLE, QUESTIONS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
MAKE_HISTORY = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
SEED_PACK = os.path.join(QUESTIONS, "openai-2023.json")
failures = []
checks = 0


def run(*args, env_extra=None, env_remove=(), stdin_text=None, timeout=60):
    env = dict(os.environ, CHRONICLE_DATA_DIR=DATA_DIR)
    env.update(env_extra or {})
    for name in env_remove:
        env.pop(name, None)
    # In the temporary folder: a relative path the command might wrongly write to stays there.
    return subprocess.run([CHRONICLE, *args], capture_output=True, text=True, env=env, timeout=timeout, input=stdin_text,
                          stdin=None if stdin_text is not None else subprocess.DEVNULL, cwd=DATA_DIR)


def bounded(what, *args, **kwargs):
    """run(), failing the check instead of waiting when the command hangs."""
    try:
        return run(*args, timeout=10, **kwargs)
    except subprocess.TimeoutExpired:
        check(False, f"{what} (it hung for 10 s)")
        return None


def strings_in(value):
    """Every string in parsed JSON, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def raw_controls(text):
    """Control characters a terminal would act on: C0 but newline and tab, DEL, C1."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]


def check(condition, what, result=None):
    global checks
    checks += 1
    if not condition:
        detail = f"\n  stdout: {result.stdout[:500]!r}\n  stderr: {result.stderr[:500]!r}" if result else ""
        failures.append(what + detail)


with tempfile.TemporaryDirectory() as DATA_DIR:
    r = run("--version")
    check(r.returncode == 0 and r.stdout.startswith("chronicle "), "--version prints the version", r)
    r = run("--help")
    check(r.returncode == 0 and "validate" in r.stdout and "export" in r.stdout, "--help lists the commands", r)
    r = run("frobnicate")
    check(r.returncode == 2 and "unknown command" in r.stderr and r.stdout == "", "unknown command: usage error on stderr", r)

    # validate
    r = run("validate", SEED_PACK)
    check(r.returncode == 0 and "ok" in r.stdout, "the seed pack validates", r)
    bad = os.path.join(DATA_DIR, "bad.json")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('{\n  "format": "chronicle-pack/1", "id": "bad", "title": "Bad",\n'
                '  "languages": ["en"], "default_language": "en",\n'
                '  "events": [{"id": "e1", "date": "2023-02-30", "headline": "H", "text": "T"}]\n}\n')
    r = run("validate", SEED_PACK, bad)
    check(r.returncode == 1, "validate exits 1 when one file is invalid", r)
    check(f"{bad}:4:" in r.stderr and ": error: /events/0/date: " in r.stderr and "28 days" in r.stderr,
          "errors read file:line:col: error: path: message", r)
    check(f"{SEED_PACK}: ok" in r.stdout, "the valid file is still reported valid", r)
    emoji = os.path.join(DATA_DIR, "emoji.json")
    with open(emoji, "w", encoding="utf-8") as f:
        f.write('{"format": "chronicle-pack/1", "id": "emoji", "title": "Party \U0001F389", "languages": ["en"],'
                ' "default_language": "en", "events": [{"id": "e1", "date": "2023", "headline": "H", "text": "T"}]}')
    r = run("validate", emoji)
    check(r.returncode == 0 and "no font can show" in r.stderr and "\U0001F389" in r.stderr,
          "validate reports characters no font has", r)
    check(f"{emoji}: ok, pack \"emoji\", 1 event, " in r.stdout, "validate counts in the singular for one", r)
    r = run("validate", os.path.join(DATA_DIR, "missing.json"))
    check(r.returncode == 1 and "cannot open" in r.stderr, "a missing file is an error", r)

    # packs: bundled, plus the user's folder with one good and one broken pack
    os.makedirs(os.path.join(DATA_DIR, "packs"))
    with open(os.path.join(DATA_DIR, "packs", "broken.json"), "w") as f:
        f.write("{ nope")
    with open(SEED_PACK, encoding="utf-8") as f:
        mine = json.load(f)
    mine["id"] = "my-copy"
    with open(os.path.join(DATA_DIR, "packs", "mine.json"), "w", encoding="utf-8") as f:
        json.dump(mine, f, ensure_ascii=False)
    r = run("packs")
    check(r.returncode == 0, "packs exits 0 even with a broken pack", r)
    check("openai-2023" in r.stdout and "my-copy" in r.stdout, "packs lists bundled and user packs", r)
    check("broken.json" in r.stdout and "error: " in r.stdout, "packs shows the broken pack with its error", r)
    check("events:    17" in r.stdout and "zh,en" in r.stdout, "packs shows events and languages", r)

    # export
    def export(*extra):
        return run("export", "--pack", "openai-2023", "--seed", "42", *extra)

    a, b = export("--lang", "en"), export("--lang", "en")
    check(a.returncode == 0 and a.stdout == b.stdout, "the same seed gives identical bytes", a)
    quiz = json.loads(a.stdout)
    check(list(quiz) == ["format", "pack", "seed", "lang", "questions"], "quiz keys in order", a)
    check(quiz["format"] == "chronicle-quiz/1" and quiz["seed"] == 42 and quiz["lang"] == "en", "quiz header", a)
    check(len(quiz["questions"]) == 10, "ten questions by default", a)
    for q in quiz["questions"]:
        check(list(q) == ["kind", "prompt", "options", "answer", "events", "explanation"], "question keys", a)
        ids = [o["id"] for o in q["options"]]
        check(all(x in ids for x in q["answer"]), "answers name options", a)
        check(all(list(o) == ["id", "text", "event", "person", "value"] for o in q["options"]), "option keys", a)
    r = export("--lang", "zh", "--format", "md", "--count", "5")
    check(r.returncode == 0 and "## 答案" in r.stdout and "1. " in r.stdout, "markdown quiz in Chinese with its key", r)
    r = run("export", "--pack", SEED_PACK, "--seed", "1", "--kinds", "order,when", "--difficulty", "hard")
    check(r.returncode == 0 and {q["kind"] for q in json.loads(r.stdout)["questions"]} <= {"order", "when"},
          "export by file with kinds", r)
    r = export("--kinds", "when", "--count", "50")
    given = re.search(r"warning: this pack gives only (\d+) different questions .* fewer than the 50 asked", r.stderr)
    check(r.returncode == 0 and given and len(json.loads(r.stdout)["questions"]) == int(given.group(1)) < 50,
          "a short quiz says so on stderr, with both numbers", r)
    r = export("--count", "10")
    check(r.returncode == 0 and "warning" not in r.stderr and len(json.loads(r.stdout)["questions"]) == 10,
          "a quiz the pack can fill says nothing", r)
    for args, needle in [(("--lang", "fr"), 'no language "fr"'), (("--kinds", "bogus"), 'unknown kind "bogus"'),
                         (("--count", "0"), "--count"), (("--seed", "-1"), "--seed"), (("--difficulty", "x"), "--difficulty"),
                         (("--format", "xml"), "--format")]:
        r = export(*args)
        check(r.returncode != 0 and needle in r.stderr and r.stdout == "", f"export {' '.join(args)} is refused", r)
    r = run("export", "--pack", "no-such-pack")
    check(r.returncode == 1 and "chronicle packs" in r.stderr, "an unknown pack id is an error", r)

    # --count has no bound but the pack's: a long quiz is written question by question
    r = export("--lang", "en", "--count", "1000000")
    given = re.search(r"warning: this pack gives only (\d+) different questions .* fewer than the 1000000 asked", r.stderr)
    check(r.returncode == 0 and given and len(json.loads(r.stdout)["questions"]) == int(given.group(1)),
          "a count beyond the pack's capacity writes what it has and says how many on stderr", r)
    r = export("--count", "18446744073709551616")
    check(r.returncode == 2 and "--count" in r.stderr and r.stdout == "", "a --count past 64 bits is refused", r)
    r = bounded("host --count 1001", "host", "--pack", "openai-2023", "--no-window", "--count", "1001")
    check(r.returncode == 2 and "--count takes a number from 1 to 1000" in r.stderr, "a class game still holds at most 1000", r)
    long_pack = os.path.join(DATA_DIR, "long.json")
    with open(long_pack, "w", encoding="utf-8") as f:
        events = [{"id": f"e{i}", "date": f"{1800 + i // 12:04d}-{i % 12 + 1:02d}",
                   "headline": f"Milestone {i} of the long pack", "text": f"What happened in step {i}."} for i in range(3000)]
        json.dump({"format": "chronicle-pack/1", "id": "long", "title": "Long", "languages": ["en"], "default_language": "en",
                   "events": events}, f)
    r = run("export", "--pack", long_pack, "--seed", "9", "--count", "5000")
    check(r.returncode == 0 and "warning: this pack gives only" not in r.stderr and len(json.loads(r.stdout)["questions"]) == 5000,
          "5,000 questions of a 3,000-event pack", r)
    written = os.path.join(DATA_DIR, "long-quiz.json")
    w = run("export", "--pack", long_pack, "--seed", "9", "--count", "5000", "-o", written)
    check(w.returncode == 0 and w.stdout == "" and open(written, encoding="utf-8").read() == r.stdout,
          "-o writes the bytes of standard output", w)
    r = run("export", "--pack", long_pack, "--seed", "9", "--count", "5000", "--format", "md")
    check(r.returncode == 0 and "Seed 9 · normal · 5,000 questions\n" in r.stdout and "\n5000. **" in r.stdout,
          "a long Markdown quiz counts its questions and keys each one", r)

    # export --format pdf: a worksheet to print, in the bundled fonts, embedded and subset
    def tool(*args):
        return subprocess.run(args, capture_output=True, text=True, timeout=60)

    # scripts/test.sh installs them (install_web_test_tools); say so rather than fail obscurely.
    for name in ("pdffonts", "pdftotext", "pdftoppm", "pdfinfo"):
        if not shutil.which(name):
            sys.exit(f"cli_test.py: {name} is missing: apt install poppler-utils (scripts/test.sh does)")

    for lang, name_word in (("en", "Name"), ("zh", "姓名")):
        pdf = os.path.join(DATA_DIR, f"worksheet-{lang}.pdf")
        r = export("--lang", lang, "--format", "pdf", "-o", pdf)
        check(r.returncode == 0 and r.stdout == "" and open(pdf, "rb").read(5) == b"%PDF-", f"export --format pdf -o writes a PDF ({lang})", r)
        fonts = tool("pdffonts", pdf)
        rows = fonts.stdout.splitlines()[2:]
        # name, type (may hold spaces), encoding, then emb sub uni object ID
        check(fonts.returncode == 0 and rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows),
              f"every font of the {lang} worksheet is embedded and subset: {fonts.stdout}")
        text = "".join(tool("pdftotext", pdf, "-").stdout.split())  # lines wrap anywhere in Chinese
        prompt = "".join(json.loads(export("--lang", lang).stdout)["questions"][0]["prompt"].split())
        check(name_word in text and prompt in text, f"the {lang} worksheet reads '{name_word}' and question 1: {prompt}")
        pages = tool("pdftoppm", "-r", "50", "-png", pdf, os.path.join(DATA_DIR, f"page-{lang}"))
        check(pages.returncode == 0 and pages.stderr == "" and os.path.exists(os.path.join(DATA_DIR, f"page-{lang}-1.png")),
              f"the {lang} worksheet renders without a complaint: {pages.stderr}")
    letter = os.path.join(DATA_DIR, "worksheet-letter.pdf")
    r = export("--format", "pdf", "--paper", "letter", "-o", letter)
    check(r.returncode == 0 and "612 x 792 pts (letter)" in tool("pdfinfo", letter).stdout, "--paper letter gives Letter pages", r)
    check("595 x 842 pts (A4)" in tool("pdfinfo", os.path.join(DATA_DIR, "worksheet-en.pdf")).stdout, "A4 pages by default")
    piped = [subprocess.run([CHRONICLE, "export", "--pack", "openai-2023", "--seed", "42", "--format", "pdf"], capture_output=True,
                            env=dict(os.environ, CHRONICLE_DATA_DIR=DATA_DIR), stdin=subprocess.DEVNULL, timeout=60) for _ in range(2)]
    check(piped[0].returncode == 0 and piped[0].stdout.startswith(b"%PDF-") and piped[0].stdout == piped[1].stdout,
          "a PDF goes to a pipe, the same bytes for the same seed")
    main_fd, terminal = os.openpty()
    tty = subprocess.run([CHRONICLE, "export", "--pack", "openai-2023", "--format", "pdf"], stdout=terminal, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, env=dict(os.environ, CHRONICLE_DATA_DIR=DATA_DIR), timeout=60)
    os.close(terminal)
    os.close(main_fd)
    check(tty.returncode == 2 and b"not for the terminal" in tty.stderr, "a PDF is never written to a terminal")
    for args, needle in [(("--format", "md", "--paper", "a4"), "--paper is for --format pdf"),
                         (("--format", "pdf", "--paper", "a5", "-o", "x.pdf"), "--paper is a4 or letter")]:
        r = export(*args)
        check(r.returncode == 2 and needle in r.stderr, f"export {' '.join(args)} is refused", r)

    # import
    sheet = os.path.join(DATA_DIR, "Space Race.csv")
    with open(sheet, "w", encoding="utf-8-sig", newline="") as f:
        f.write('date,end date,headline,text,people\r\n1957-10-04,,Sputnik 1,"First satellite, by the USSR",Korolev\r\n'
                '1961-04-12,,Gagarin,First human in space,Gagarin\r\n1969-07-16,1969-07-24,Apollo 11,To the Moon,Armstrong\r\n'
                '1975-07,,Apollo-Soyuz,Docking,\r\n1970-13,,Bad month,x,\r\n')
    written = os.path.join(DATA_DIR, "Space Race.pack.json")
    r = run("import", sheet)
    check(r.returncode == 0 and os.path.exists(written), "import writes NAME.pack.json beside the file", r)
    check("4 events" in r.stdout and "skipped:  1 row" in r.stdout and '"space-race"' in r.stdout,
          "import prints a summary: events imported, rows skipped, the pack id", r)
    check(f"{sheet}:6:1: error: row 6, column \"date\": " in r.stderr, "a bad row is reported by row and column", r)
    check(not [n for n in os.listdir(DATA_DIR) if ".tmp-" in n], "no temporary file is left behind")
    r = run("validate", written)
    check(r.returncode == 0, "the imported pack validates", r)
    with open(os.path.join(QUESTIONS, "schema", "pack.schema.json"), encoding="utf-8") as f:
        schema = jsonschema.Draft7Validator(json.load(f))
    with open(written, encoding="utf-8") as f:
        problems = [e.message for e in schema.iter_errors(json.load(f))]
    check(not problems, f"the imported pack follows the schema editors use: {problems}")
    # Sputnik and Apollo-Soyuz open and close the pack's time: every wrong month would lie
    # on one side, so only Gagarin and Apollo 11 are asked by date.
    r = run("export", "--pack", written, "--seed", "3", "--kinds", "order,when", "--count", "3")
    check(r.returncode == 0 and [q["kind"] for q in json.loads(r.stdout)["questions"]].count("when") == 2
          and len(json.loads(r.stdout)["questions"]) == 3, "the imported pack gives ordering and when questions", r)
    before = open(written, encoding="utf-8").read()
    r = run("import", sheet)
    check(r.returncode == 1 and "already exists" in r.stderr and "--force" in r.stderr, "import never overwrites without --force", r)
    check(open(written, encoding="utf-8").read() == before, "the existing pack is untouched")
    r = run("import", sheet, "--force", "--lang", "fr", "--id", "espace")
    check(r.returncode == 0 and '"id": "espace"' in open(written, encoding="utf-8").read(), "--force replaces; --id and --lang apply", r)
    r = run("import", sheet, "-o", sheet, "--force")
    check(r.returncode == 1 and "being imported" in r.stderr, "import never writes over its input", r)

    timeline = os.path.join(DATA_DIR, "timeline.json")
    with open(timeline, "w", encoding="utf-8") as f:
        json.dump({"title": {"text": {"headline": "<b>Moon</b> &amp; back"}}, "events": [
            {"start_date": {"year": "1969", "month": "7", "day": "20"}, "text": {"headline": "Eagle lands", "text": "<p>Tranquility Base</p>"}},
            {"start_date": {"year": 1972, "month": 12}, "text": {"headline": "Apollo 17"}}]}, f)
    r = run("import", timeline, "--install")
    installed = os.path.join(DATA_DIR, "packs", "timeline.json")
    check(r.returncode == 0 and "(TimelineJS)" in r.stdout and os.path.exists(installed), "--install writes into the user's pack folder", r)
    r = run("packs")
    check("timeline" in r.stdout and "Moon & back" in r.stdout and installed in r.stdout, "packs lists the installed import", r)
    r = run("import", timeline, "--install", "--id", "openai-2023")
    check(r.returncode == 1 and "already used by" in r.stderr, "--install refuses an id another pack has", r)
    empty = os.path.join(DATA_DIR, "empty.csv")
    with open(empty, "w", encoding="utf-8") as f:
        f.write("date,headline\n2023-02-30,Impossible\n")
    r = run("import", empty)
    check(r.returncode == 1 and "nothing was written" in r.stderr and not os.path.exists(os.path.join(DATA_DIR, "empty.pack.json")),
          "import writes nothing when no row can be imported", r)
    for args, needle in [((), "needs a file"), ((sheet, "-o", "x.json", "--install"), "not both"), ((sheet, "--bogus"), "--bogus")]:
        r = run("import", *args)
        check(r.returncode == 2 and needle in r.stderr, f"import {' '.join(args)} is a usage error", r)

    # Files that are not regular files: refused at once, never replaced (issue 9, items 6 and 7)
    fifo = os.path.join(DATA_DIR, "x.json")
    os.mkfifo(fifo)
    r = bounded("validate refuses a FIFO", "validate", fifo)
    check(r and r.returncode == 1 and f"{fifo}: error: this is not a regular file" in r.stderr, "validate refuses a FIFO at once", r)
    r = bounded("import refuses a FIFO", "import", fifo, "-o", os.path.join(DATA_DIR, "from-fifo.pack.json"))
    check(r and r.returncode == 1 and "not a regular file" in r.stderr, "import refuses a FIFO at once", r)
    with open(SEED_PACK, encoding="utf-8") as f:
        r = run("validate", "-", stdin_text=f.read())
    check(r.returncode == 0 and "-: ok" in r.stdout, "validate - reads the pack from standard input", r)
    r = run("import", "-")
    check(r.returncode == 2 and "standard input" in r.stderr, "import - says it reads files only", r)
    out_fifo = os.path.join(DATA_DIR, "out-fifo.pack.json")
    os.mkfifo(out_fifo)
    r = bounded("import -o FIFO --force", "import", sheet, "-o", out_fifo, "--force")
    check(r and r.returncode == 1 and f"{out_fifo} is not a regular file" in r.stderr and stat.S_ISFIFO(os.lstat(out_fifo).st_mode),
          "import -o FIFO --force refuses and leaves the FIFO as it is", r)
    precious = os.path.join(DATA_DIR, "precious.txt")
    with open(precious, "w") as f:
        f.write("precious")
    link = os.path.join(DATA_DIR, "link.pack.json")
    os.symlink(precious, link)
    r = run("import", sheet, "-o", link, "--force")
    check(r.returncode == 1 and f"{link} is a symbolic link to {precious}" in r.stderr, "import -o LINK --force refuses the link", r)
    check(os.path.islink(link) and open(precious).read() == "precious", "the link and what it points to are untouched")
    installed_link = os.path.join(DATA_DIR, "packs", "linked.json")
    os.symlink(precious, installed_link)
    r = run("import", timeline, "--install", "--id", "linked", "--force")
    check(r.returncode == 1 and "symbolic link" in r.stderr and os.path.islink(installed_link) and open(precious).read() == "precious",
          "--install --force never writes through a link in the pack folder", r)
    os.remove(installed_link)
    packs_fifo = os.path.join(DATA_DIR, "packs", "fifo.json")
    os.mkfifo(packs_fifo)
    r = bounded("packs with a FIFO in the pack folder", "packs")
    check(r and r.returncode == 0 and "my-copy" in r.stdout and "fifo.json" not in r.stdout, "pack discovery skips a FIFO", r)
    os.remove(packs_fifo)
    check(not [n for n in os.listdir(DATA_DIR) if ".tmp-" in n], "no temporary file is left behind by a refusal")

    # The data folder: none without HOME; a dangling link named (issue 9, item 9)
    no_home = ("HOME", "XDG_DATA_HOME", "CHRONICLE_DATA_DIR")
    r = run("import", timeline, "--install", "--id", "homeless", env_remove=no_home)
    check(r.returncode == 1 and "HOME is not set" in r.stderr and not os.path.exists("/.local/share/chronicle/packs/homeless.json"),
          "--install without HOME says so and writes nothing", r)
    r = run("packs", env_remove=no_home)
    check(r.returncode == 0 and "openai-2023" in r.stdout and "HOME is not set" in r.stderr, "packs without HOME lists the bundled packs", r)
    r = run("import", timeline, "--install", "--id", "homeless", env_extra={"HOME": "relative"}, env_remove=no_home[1:])
    check(r.returncode == 1 and "HOME is not set or not an absolute path" in r.stderr, "a relative HOME is no data folder", r)
    dangling = os.path.join(DATA_DIR, "dangling")
    os.symlink(os.path.join(DATA_DIR, "gone"), dangling)
    r = run("import", timeline, "--install", env_extra={"CHRONICLE_DATA_DIR": dangling})
    check(r.returncode == 1 and f"the folder {dangling} is a symbolic link to {os.path.join(DATA_DIR, 'gone')}, which does not exist"
          in r.stderr, "a dangling data folder is named as one", r)
    a_file = os.path.join(DATA_DIR, "a-file")
    open(a_file, "w").close()
    r = run("import", timeline, "--install", env_extra={"CHRONICLE_DATA_DIR": a_file})
    check(r.returncode == 1 and f"{a_file} should be a folder but is a file" in r.stderr, "a file as the data folder is named as one", r)

    # results: the class games in the save. A game to export comes from a class game played
    # through the product (the headless host); the full CSV is tested in Catch2 ([class][export]).
    r = run("--help")
    check("results list" in r.stdout and "results export --game ID" in r.stdout, "--help lists results list and export", r)
    fresh = os.path.join(DATA_DIR, "fresh")
    os.makedirs(fresh)
    r = run("results", "list", env_extra={"CHRONICLE_DATA_DIR": fresh})
    check(r.returncode == 0 and "No class games" in r.stdout and r.stderr == "", "results list in a fresh data folder lists nothing", r)
    check(not os.listdir(fresh), "results list makes no save where there was none")
    r = run("results", "export", "--game", "1", env_extra={"CHRONICLE_DATA_DIR": fresh})
    check(r.returncode == 1 and "no class game with id 1" in r.stderr and "chronicle results list" in r.stderr and r.stdout == "",
          "exporting a game that is not there is an error naming the id", r)
    out = os.path.join(fresh, "results.csv")
    r = run("results", "export", "--game", "1", "-o", out, env_extra={"CHRONICLE_DATA_DIR": fresh})
    check(r.returncode == 1 and not os.path.exists(out), "no file is written for a game that is not there", r)
    for args, needle in [(("results",), "list or export"), (("results", "bogus"), "list or export"),
                         (("results", "list", "extra"), "no arguments"), (("results", "export"), "needs --game"),
                         (("results", "export", "--game", "x"), "--game takes"), (("results", "export", "--game", "0"), "--game takes"),
                         (("results", "export", "--game"), "needs a value"), (("results", "export", "--game", "1", "--bogus"), "--bogus")]:
        r = run(*args, env_extra={"CHRONICLE_DATA_DIR": fresh})
        check(r.returncode == 2 and needle in r.stderr and r.stdout == "", f"{' '.join(args)} is a usage error", r)
    r = run("results", "list", env_remove=no_home)
    check(r.returncode == 1 and "HOME is not set" in r.stderr, "results list without a data folder says so", r)
    garbage = b"not a database" * 100
    with open(os.path.join(fresh, "chronicle.db"), "wb") as f:
        f.write(garbage)
    r = run("results", "list", env_extra={"CHRONICLE_DATA_DIR": fresh})
    moved = [n for n in os.listdir(fresh) if n.startswith("chronicle.db.damaged-")]
    check(r.returncode == 0 and "No class games" in r.stdout and "moved" in r.stderr and len(moved) == 1
          and open(os.path.join(fresh, moved[0]), "rb").read() == garbage,
          "a save that is not a database is moved aside, as the game does, and said", r)

    # Nothing from a pack, a sheet or a file name reaches the terminal raw (issue 9, item 8)
    nasty = "\x1b[31m red \x1b]0;owned\x07 bell\x07 csi\u009b"
    with open(SEED_PACK, encoding="utf-8") as f:
        evil = json.load(f)
    evil["id"], evil["title"] = "evil", {"en": "Evil" + nasty, "zh": "坏" + nasty}
    evil["events"][0]["headline"] = {"en": "Headline" + nasty, "zh": "标题" + nasty}
    evil["events"][1]["bogus" + nasty] = 1  # a diagnostic that quotes the pack's text
    evil_path = os.path.join(DATA_DIR, "packs", "evil.json")
    with open(evil_path, "w", encoding="utf-8") as f:
        json.dump(evil, f)
    del evil["events"][1]["bogus" + nasty]
    evil_text = os.path.join(DATA_DIR, "evil-text.json")  # control characters only in texts: still refused
    with open(evil_text, "w", encoding="utf-8") as f:
        json.dump(evil, f)
    for args in [("validate", evil_path), ("validate", evil_text), ("packs",),
                 ("export", "--pack", evil_text, "--format", "md", "--count", "20", "--seed", "1", "--lang", "en"),
                 ("export", "--pack", evil_text, "--format", "json", "--count", "20", "--seed", "1")]:
        r = run(*args)
        check((r.stdout or r.stderr) and not raw_controls(r.stdout) and not raw_controls(r.stderr), f"{' '.join(args[:2])}: no raw control character", r)
    r = run("validate", evil_text)
    check(r.returncode == 1 and "/title/en: holds the control character \\x1b" in r.stderr, "a pack holding control characters is refused, the character escaped", r)
    r = run("validate", evil_path)
    check("bogus\\x1b[31m" in r.stderr, "a diagnostic quoting pack text shows control characters escaped", r)
    odd_name = os.path.join(DATA_DIR, "odd\x1b]0;x\x07\u009b.json")
    shutil.copy(SEED_PACK, odd_name)
    for args in [("validate", odd_name), ("validate", odd_name + ".missing"), ("import", odd_name + ".csv")]:
        r = run(*args)
        check((r.stdout or r.stderr) and not raw_controls(r.stdout) and not raw_controls(r.stderr) and "odd\\x1b]0;x\\x07\\u009b" in r.stdout + r.stderr,
              f"{args[0]} prints a file name with control characters escaped", r)
    dirty_sheet = os.path.join(DATA_DIR, "dirty.csv")
    with open(dirty_sheet, "w", encoding="utf-8") as f:
        f.write(f"date,headline,text\n1969-07-20,Eagle{nasty},Tranquility Base\n1972-12,Apollo 17,Last{nasty}\n")
    r = run("import", dirty_sheet)
    check(r.returncode == 0 and r.stderr.count("warning: row ") == 2 and "control characters (such as \\x1b) were removed" in r.stderr
          and not raw_controls(r.stderr + r.stdout), "control characters in a sheet are removed, with a warning by row and column", r)
    with open(os.path.join(DATA_DIR, "dirty.pack.json"), encoding="utf-8") as f:
        check(not raw_controls("".join(strings_in(json.load(f)))), "the pack imported from the sheet holds no control character")

    # `chronicle host` without --no-window: the window opens on the lobby, whose server
    # serves the phone page (SDL's dummy video driver stands in for a display).
    window_env = {"SDL_VIDEODRIVER": "dummy", "SDL_RENDER_DRIVER": "software", "SDL_AUDIODRIVER": "dummy"}
    r = bounded("host with a window and an unknown pack", "host", "--pack", "no-such-pack", env_extra=window_env)
    check(r and r.returncode == 1 and 'no pack "no-such-pack" in the pack folders' in r.stderr,
          "host with a window refuses a pack id it does not have", r)
    r = run("host", "--pack", SEED_PACK)
    check(r.returncode == 2 and "--no-window" in r.stderr, "the window hosts packs by id; a pack file needs --no-window", r)
    host = subprocess.Popen([CHRONICLE, "host", "--pack", "openai-2023", "--bind", "127.0.0.1", "--port", "0", "--count", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=DATA_DIR,
                            env=dict(os.environ, CHRONICLE_DATA_DIR=DATA_DIR, **window_env))
    try:
        url = None
        if select.select([host.stdout], [], [], 20)[0]:
            line = host.stdout.readline()
            url = line[len("Join at: "):].strip() if line.startswith("Join at: ") else None
        page = urllib.request.urlopen(url, timeout=10).read() if url else b""
        with open(os.path.join(os.path.dirname(QUESTIONS), "web", "index.html"), "rb") as f:
            check(page == f.read(), f"host with a window opens its lobby and serves the phone page at {url}")
    finally:
        host.kill()
        host.wait()

# progress: a fresh folder gives every bundled pack with nothing studied; after weeks of
# simulated history its figures are the ones core makes from the same records.
with tempfile.TemporaryDirectory() as DATA_DIR:
    PROGRESS_KEYS = ["pack", "facts", "known", "new", "due_today", "due_next_days", "recent_games", "recent_accuracy",
                     "answered", "days", "kinds", "study_days", "current_streak", "longest_streak", "calendar"]
    r = run("progress", "--format", "json")
    report = None
    try:
        report = json.loads(r.stdout)
    except ValueError:
        pass
    check(r.returncode == 0 and report is not None, "progress --format json on a fresh folder prints valid JSON", r)
    if report:
        check(report.get("format") == "chronicle-progress" and report.get("version") == 1
              and list(report)[:6] == ["format", "version", "now", "utc_offset", "today", "desired_retention"],
              "the progress report names its format and version first", r)
        packs = report.get("packs", [])
        check([p["pack"] for p in packs] == ["openai-2023"], "every bundled pack is in the report", r)
        empty = packs[0] if packs else {}
        check(list(empty) == PROGRESS_KEYS, "a pack's fields, in their stable order", r)
        check(empty.get("facts", 0) > 0 and empty.get("new") == empty.get("facts") and empty.get("known") == 0
              and empty.get("due_today") == 0 and empty.get("due_next_days") == [0] * 7 and empty.get("recent_games") == []
              and empty.get("days") == [] and empty.get("kinds") == [] and empty.get("study_days") == 0
              and empty.get("current_streak") == 0 and empty.get("longest_streak") == 0
              and empty.get("answered") == {"answered": 0, "right": 0}
              and set(empty.get("calendar", {}).get("counts", [1])) == {0}, "with no save, every figure is zero", r)
    check(not os.path.exists(os.path.join(DATA_DIR, "chronicle.db")), "progress on a fresh folder makes no save")
    r = run("progress")
    check(r.returncode == 0 and "openai-2023" in r.stdout and "0 of " in r.stdout and "No games finished yet" in r.stdout,
          "progress in words: the pack, nothing known, no games", r)
    r = run("progress", "--pack", "no-such-pack")
    check(r.returncode == 1 and 'no pack with id "no-such-pack"' in r.stderr, "progress --pack with an unknown id", r)
    r = run("progress", "--format", "xml")
    check(r.returncode == 2 and "--format is text or json" in r.stderr, "progress --format takes text or json", r)

    if MAKE_HISTORY:
        # Beijing time, so that the study days do not depend on the machine's zone.
        zone = {"TZ": "Asia/Shanghai"}
        now = int(time.time())
        made = subprocess.run([MAKE_HISTORY, DATA_DIR, SEED_PACK, "5", str(now), str(8 * 3600)], capture_output=True, text=True,
                              timeout=120)
        check(made.returncode == 0, "make_history writes five weeks of history", made)
        r = run("progress", "--format", "json", "--pack", "openai-2023", env_extra=zone)
        try:
            expected, got = json.loads(made.stdout), json.loads(r.stdout)
        except ValueError:
            expected, got = None, None
        check(got is not None and expected is not None, "progress and make_history both print JSON", r)
        if got and expected:
            # The seconds between the two runs aside, the figures are the same.
            for key in ("now",):
                expected.pop(key, None), got.pop(key, None)
            check(got == expected, "progress --format json equals the report core makes from the same records", r)
            p = got["packs"][0]
            check(p["study_days"] > 20 and p["longest_streak"] >= 4 and len(p["recent_games"]) == 10
                  and p["answered"]["answered"] > 100 and 0 < p["known"] <= p["facts"] and len(p["kinds"]) > 1,
                  "the simulated weeks show in the report", r)
        r = run("progress", "--pack", "openai-2023", env_extra={**zone, "LANG": "zh_CN.UTF-8"})
        check(r.returncode == 0 and "最近10局" in r.stdout and "连续学习" in r.stdout,
              "progress in words, in Chinese when the interface is", r)

        # The same history carried to another machine by a progress file gives the same report.
        with tempfile.TemporaryDirectory(prefix="chronicle-moved-") as other:
            moved = os.path.join(other, "progress.db")
            elsewhere = {**zone, "CHRONICLE_DATA_DIR": os.path.join(other, "data")}
            os.mkdir(elsewhere["CHRONICLE_DATA_DIR"])
            r = run("progress", "export", moved)
            check(r.returncode == 0 and os.path.isfile(moved), "progress export writes the progress file", r)
            r = run("progress", "export", moved)
            check(r.returncode == 1 and r.stderr.strip(), "progress export never writes over a file", r)
            r = run("progress", "import", moved, env_extra=elsewhere)
            check(r.returncode == 0 and re.search(r": [1-9][0-9]* games, [1-9][0-9]* Learn answers", r.stdout),
                  "progress import adds the games and Learn answers", r)
            here = run("progress", "--format", "json", "--pack", "openai-2023", env_extra=zone)
            there = run("progress", "--format", "json", "--pack", "openai-2023", env_extra=elsewhere)
            try:
                mine, theirs = json.loads(here.stdout), json.loads(there.stdout)
                mine.pop("now", None), theirs.pop("now", None)
            except ValueError:
                mine, theirs = None, 0
            check(mine == theirs, "the imported progress gives the same report", there)
            r = run("progress", "import", moved, env_extra=elsewhere)
            check(r.returncode == 0 and ": 0 games, 0 Learn answers, 0 reviews, 0 Timeline games" in r.stdout,
                  "importing the same file again adds nothing", r)
            r = run("progress", "import", SEED_PACK, env_extra=elsewhere)
            check(r.returncode == 1 and r.stderr.strip(), "a file that is no save is refused with a reason", r)
            r = run("progress", "import", env_extra=elsewhere)
            check(r.returncode == 2, "progress import needs a file", r)

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
