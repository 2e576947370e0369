#!/usr/bin/env python3
"""The hostile loader corpus: a table of broken and odd packs (every field of every
record set to every kind of JSON value, dates, numbers, Unicode, sizes, duplicate keys,
empty ids, identical headlines and options), each checked three ways:

  1. `chronicle validate` neither crashes nor hangs on it (files are validated in
     batches, each batch under a timeout; a batch that fails is rerun file by file);
  2. the validator and questions/schema/pack.schema.json agree: whatever the validator
     accepts, the schema accepts (the validator alone also checks references, dates,
     duplicates and text, so it may refuse more);
  3. every refusal names the file and a place: line:col, and a JSON path once the
     text is JSON.

Prints the cases tried and held per family. Usage: loader_corpus.py CHRONICLE QUESTIONS_DIR"""
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict

import jsonschema

CHRONICLE, QUESTIONS = sys.argv[1], sys.argv[2]
BATCH = 200
TIMEOUT = 120  # seconds per batch: generous, the whole corpus takes a few seconds
MAX_BYTES = 256 << 20

with open(os.path.join(QUESTIONS, "schema", "pack.schema.json"), encoding="utf-8") as f:
    SCHEMA = jsonschema.Draft7Validator(json.load(f))

# A pack with one of every record, each field given: the base every case changes one thing in.
BASE = OrderedDict([
    ("$schema", "schema/pack.schema.json"),
    ("format", "chronicle-pack/1"),
    ("id", "corpus"),
    ("version", "1.0.0"),
    ("author", "A"),
    ("licence", "CC-BY-4.0"),
    ("title", {"en": "Corpus", "zh": "语料"}),
    ("description", "About"),
    ("languages", ["en", "zh"]),
    ("default_language", "en"),
    ("source", {"title": "S", "url": "https://example.org", "note": "N", "date": "2030"}),
    ("people", [{"id": "ann", "kind": "person", "name": "Ann", "display": "Ann (A.)", "aliases": ["A."], "description": "D"},
                {"id": "bob", "kind": "person", "name": "Bob"}]),
    ("events", [{"id": "e1", "date": "2023-01-02", "end": "2023-02", "date_source": "source", "date_note": "N", "headline": "One",
                 "text": "T", "actors": ["ann"], "who": "did one", "tags": ["t"]},
                {"id": "e2", "date": {"from": "2024", "to": "2025"}, "headline": {"en": "Two", "zh": "二"},
                 "text": "T", "actors": ["bob"]}]),
    ("quotes", [{"id": "q1", "text": "Hi", "speaker": "ann", "event": "e1", "catchphrase": True}]),
    ("numbers", [{"id": "n1", "value": 10, "unit": "things", "question": "How many?", "event": "e1"}]),
    ("questions", [{"id": "mc", "type": "multiple_choice", "prompt": "P",
                    "options": [{"text": "a", "correct": True}, {"text": "b", "correct": False}],
                    "explanation": "E", "events": ["e1"]},
                   {"id": "tf", "type": "true_false", "prompt": "P", "answer": True, "explanation": "E",
                    "events": ["e2"]}]),
])
REQUIRED = {"format", "id", "title", "languages", "default_language", "events"}

# Where each record sits in BASE, and its fields (a path is a list of keys and indices).
RECORDS = {
    "pack": ([], [k for k in BASE]),
    "source": (["source"], ["title", "url", "note", "date"]),
    "person": (["people", 0], ["id", "kind", "name", "display", "aliases", "description"]),
    "event": (["events", 0], ["id", "date", "end", "date_source", "date_note", "headline", "text", "actors", "who", "tags"]),
    "range": (["events", 1, "date"], ["from", "to"]),
    "quote": (["quotes", 0], ["id", "text", "speaker", "event", "catchphrase"]),
    "number": (["numbers", 0], ["id", "value", "unit", "question", "event"]),
    "multiple_choice": (["questions", 0], ["id", "type", "prompt", "options", "explanation", "events", "answer"]),
    "true_false": (["questions", 1], ["id", "type", "prompt", "answer", "explanation", "events", "options"]),
    "option": (["questions", 0, "options", 1], ["text", "correct"]),
}
# Fields a record cannot do without: null or left out, the validator must refuse it.
REQUIRED_FIELDS = {"pack": REQUIRED, "person": {"id", "name"}, "event": {"id", "headline", "text"},
                   "range": {"from", "to"}, "quote": {"id", "text", "speaker"}, "number": {"id", "value", "question"},
                   "multiple_choice": {"id", "type", "prompt", "options"}, "true_false": {"id", "type", "prompt", "answer"},
                   "option": {"text"}}
# Ids that are empty or could not name a file, and the fields whose text may break lines.
BAD_IDS = ["", " ", ".", "..", "a/b", "a\\b", "-a", "_a", "a b", "é"]
RUNNING_TEXT = {"text", "description"}

# Items of lists and translations: every kind of value in their place too.
ITEMS = [["languages", 0], ["people", 0], ["events", 0], ["events", 0, "actors", 0], ["events", 0, "tags", 0],
         ["people", 0, "aliases", 0], ["questions", 0, "options", 0], ["quotes", 0], ["numbers", 0],
         ["questions", 0], ["events", 1, "headline", "zh"], ["title", "en"], ["questions", 0, "events", 0]]
WRONG_TYPES = [None, True, False, 0, -1, 1.5, "", "x", [], [None], ["x"], [1], {}, {"x": 1}, {"en": "x"}]


def get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def changed(path, value, drop=False):
    doc = copy.deepcopy(BASE)
    parent = get(doc, path[:-1])
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def families():
    """(family, name, bytes, refused) for every case; refused: the validator must refuse it
    (else only the rules every case has apply)."""
    # Fields × wrong types, and each field left out.
    for record, (at, fields) in RECORDS.items():
        for field in fields:
            required = field in REQUIRED_FIELDS.get(record, ())
            for value in WRONG_TYPES:
                yield ("field × type", f"{record}.{field}={json.dumps(value)}", dump(changed(at + [field], value)),
                       required and value is None)
            if field in get(BASE, at):
                yield "field × type", f"{record}.{field} left out", dump(changed(at + [field], None, drop=True)), required
        yield "field × type", f"{record}.unknown", dump(changed(at + ["extra"], 1))
    for item in ITEMS:
        for value in WRONG_TYPES:
            yield "field × type", f"{'/'.join(map(str, item))}={json.dumps(value)}", dump(changed(item, value))
    for top in ["people", "events", "quotes", "numbers", "questions", "languages"]:
        yield "field × type", f"{top}=[]", dump(changed([top], []))

    # Dates, in every place a date goes.
    dates = ["2023", "2023-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "2023-13", "2023-00", "2023-01-00",
             "2023-01-32", "2023-04-31", "0", "0000", "-0", "-0044-03-15", "000000000000", "999999999999",
             "1000000000000", "-999999999999", "-1000000000000", "2023 ", " 2023", "2023-1", "2023-01-1",
             "+2023", "2023/01/02", "２０２３", "2023-01-01T00:00", "2023\n", "", "-", "2023-", "2023-01-",
             "20230102", "1e3", 0, -0, 2023, -44, 999999999999, 1000000000000, -999999999999, -1000000000000,
             2023.0, 2023.5, -0.0, 1e3, 1e12, 1.5e12, 1e300, 18446744073709551615, 9223372036854775807,
             -9223372036854775808, 99999999999999999999999, True, None, [], ["2023"], {},
             {"from": "2023", "to": "2022"}, {"from": "2023-05", "to": "2023-04-30"}, {"from": "2023"},
             {"to": "2023"}, {"from": None, "to": "2023"}, {"from": "2023", "to": "2023", "x": 1},
             {"from": {"from": "2023", "to": "2023"}, "to": "2024"}, {"from": 2023, "to": 2023.0},
             {"from": "2023-02-29", "to": "2024"}, {"from": -1000000000000, "to": 0}]
    for d in dates:
        yield "dates", f"date={json.dumps(d)}", dump(changed(["events", 0, "date"], d))
        yield "dates", f"end={json.dumps(d)}", dump(changed(["events", 0, "end"], d))
        yield "dates", f"from={json.dumps(d)}", dump(changed(["events", 1, "date", "from"], d))
        yield "dates", f"to={json.dumps(d)}", dump(changed(["events", 1, "date", "to"], d))
    for raw in [b"1e400", b"-1e400", b"1E2", b"2.023e3", b"2023.000", b"-0", b"0x7E7", b"NaN", b"Infinity", b"07",
                b"2023e0", b"202.3e1"]:
        text = dump(changed(["events", 0, "date"], "@@")).replace(b'"@@"', raw)
        yield "dates", f"date={raw.decode()}", text

    # Numbers.
    for raw in [b"0", b"-0", b"0.0", b"1e308", b"-1e308", b"1e400", b"-1e400", b"1e-400", b"4.9e-324",
                b"123456789012345678901234567890", b"-123456789012345678901234567890", b"18446744073709551616",
                b"0.1", b"1E2", b"NaN", b"-Infinity", b"Infinity", b"1.", b".5", b"+1", b"01", b"1_000", b'"1"',
                b"true", b"null", b"[1]"]:
        text = dump(changed(["numbers", 0, "value"], "@@")).replace(b'"@@"', raw)
        yield "numbers", f"value={raw.decode()}", text
    for raw in [b"1e400", b"123456789012345678901234567890", b"-0", b"NaN"]:
        yield "numbers", f"correct={raw.decode()}", dump(changed(["questions", 0, "options", 0, "correct"], "@@")).replace(b'"@@"', raw)
        yield "numbers", f"id={raw.decode()}", dump(changed(["id"], "@@")).replace(b'"@@"', raw)

    # Unicode, in a headline, an id, a language key, a tag and a name.
    texts = {
        "ascii": b"Plain", "rtl": "\u202eevil".encode(), "zero width": "a\u200bb".encode(),
        "zwj": "👨\u200d👩".encode(), "bom inside": "a\ufeffb".encode(), "nbsp": "a\u00a0b".encode(),
        "emoji": "🎉".encode(), "cjk": "漢字".encode(), "combining": "e\u0301".encode(),
        "nonchar": "\ufffe\uffff".encode(), "astral private": "\U0010ffff".encode(),
    }
    raw_texts = {
        "invalid byte ff": b"a\xffb", "overlong slash": b"\xc0\xaf", "encoded surrogate": b"\xed\xa0\x80",
        "truncated": b"\xe6\xbc", "past U+10FFFF": b"\xf4\x90\x80\x80", "lone continuation": b"\x80",
        "raw C1": b"\xc2\x9b", "raw newline": b"a\nb", "raw tab": b"a\tb", "raw nul": b"a\x00b",
        "raw esc": b"\x1b[31m", "raw del": b"a\x7fb",
        "escaped lone high surrogate": b"\\ud800", "escaped lone low surrogate": b"\\udc00",
        "escaped pair": b"\\ud83c\\udf89", "escaped pair reversed": b"\\udc00\\ud800", "escaped nul": b"\\u0000",
        "escaped bel": b"\\u0007", "escaped esc": b"\\u001b[31mred", "escaped osc title": b"\\u001b]0;owned\\u0007",
        "escaped del": b"\\u007f", "escaped C1 csi": b"\\u009b", "escaped nel": b"\\u0085", "escaped newline": b"\\n",
        "escaped tab": b"\\t", "escaped cr": b"\\r", "escaped backspace": b"\\b", "escaped form feed": b"\\f",
        "escaped line separator": b"\\u2028",
    }
    places = {"headline": ["events", 0, "headline"], "text": ["events", 0, "text"], "event id": ["events", 0, "id"],
              "tag": ["events", 0, "tags", 0], "name": ["people", 0, "name"], "option": ["questions", 0, "options", 0, "text"],
              "licence": ["licence"], "description": ["description"]}
    for place, path in places.items():
        for name, raw in list(texts.items()) + list(raw_texts.items()):
            text = dump(changed(path, "@@")).replace(b'"@@"', b'"' + raw + b'"')
            control = name in raw_texts and not name.endswith(("pair", "line separator"))
            line_break = name in ("escaped newline", "escaped tab")
            yield "unicode", f"{place}: {name}", text, control and not (line_break and place in RUNNING_TEXT)
    for name, raw in list(texts.items())[:4] + list(raw_texts.items())[:8]:
        doc = changed(["title"], {"en": "T", "@@": "x"})
        yield "unicode", f"language key: {name}", dump(doc).replace(b'"@@"', b'"' + raw + b'"')
        yield "unicode", f"field name: {name}", dump(changed(["events", 0, "@@"], 1)).replace(b'"@@"', b'"' + raw + b'"')
    good = dump(BASE)
    yield "unicode", "BOM", b"\xef\xbb\xbf" + good
    yield "unicode", "two BOMs", b"\xef\xbb\xbf\xef\xbb\xbf" + good
    yield "unicode", "UTF-16 LE", good.decode().encode("utf-16")
    yield "unicode", "UTF-32", good.decode().encode("utf-32")
    yield "unicode", "latin-1", dump(changed(["description"], "café")).decode().encode("latin-1", "replace")

    # Sizes.
    for depth in [8, 60, 63, 64, 65, 100, 10000]:
        nested = "[" * depth + "]" * depth
        yield "sizes", f"tags nested {depth} deep", dump(changed(["events", 0, "tags"], "@@")).replace(b'"@@"', nested.encode())
        yield "sizes", f"bare nesting {depth} deep", ("[" * depth + "]" * depth).encode()
    yield "sizes", "unclosed nesting", b"[" * 100000
    for extra in [-1, 0, 1]:
        body = dump(BASE)
        yield "sizes", f"256 MiB {extra:+d} byte", body + b" " * (MAX_BYTES + extra - len(body))
    yield "sizes", "100,000 tags", dump(changed(["events", 0, "tags"], ["t"] * 100000))
    yield "sizes", "100,000 aliases", dump(changed(["people", 0, "aliases"], ["a"] * 100000))
    yield "sizes", "1 MB headline", dump(changed(["events", 0, "headline"], "h" * (1 << 20)))
    yield "sizes", "1 MB unknown field name", dump(changed(["events", 0, "k" * (1 << 20)], 1))
    yield "sizes", "1 MB reference", dump(changed(["events", 0, "actors", 0], "a" * (1 << 20)))
    for n in [100, 101, 30000]:
        langs = ["en"] + [f"en-x{i}" for i in range(1, n)]
        doc = changed(["languages"], langs)
        doc["title"] = {lang: "T" for lang in langs}
        yield "sizes", f"{n} languages", dump(doc)
    yield "sizes", "id of 64", dump(changed(["events", 0, "id"], "e" * 64))
    yield "sizes", "id of 65", dump(changed(["events", 0, "id"], "e" * 65))
    yield "sizes", "pack id of 64", dump(changed(["id"], "p" * 64))
    yield "sizes", "pack id of 65", dump(changed(["id"], "p" * 65))
    yield "sizes", "7 options", dump(changed(["questions", 0, "options"],
                                             [{"text": str(i), "correct": i == 0} for i in range(7)]))
    yield "sizes", "6 options", dump(changed(["questions", 0, "options"],
                                             [{"text": str(i), "correct": i == 0} for i in range(6)]))
    yield "sizes", "1 option", dump(changed(["questions", 0, "options"], [{"text": "a", "correct": True}]))
    many = [{"id": f"e{i}", "date": str(1000 + i % 1000), "headline": f"H{i}", "text": "T"} for i in range(2000)]
    yield "sizes", "2,000 events", dump(changed(["events"], many))
    for name, text in [("empty file", b""), ("spaces", b"   \n"), ("null", b"null"), ("array", b"[]"),
                       ("object", b"{}"), ("string", b'"x"'), ("number", b"1"), ("truncated", good[:len(good) // 2]),
                       ("trailing comma", good.rstrip()[:-1] + b",}"), ("comment", b"// c\n" + good),
                       ("two documents", good + good), ("single quotes", good.replace(b'"', b"'"))]:
        yield "sizes", f"syntax: {name}", text

    # Duplicate keys: the last one counts, for the validator and for JSON Schema alike.
    for name, text in [
        ("event id twice", good.replace(b'"id": "e1"', b'"id": "e1", "id": "e9"', 1)),
        ("events twice", good.replace(b'"events": [', b'"events": [], "events": [', 1)),
        ("format twice", good.replace(b'"format": "chronicle-pack/1"', b'"format": 1, "format": "chronicle-pack/1"', 1)),
        ("format twice, bad last", good.replace(b'"format": "chronicle-pack/1"', b'"format": "chronicle-pack/1", "format": 1', 1)),
        ("translation twice", dump(changed(["title"], {"en": "@@"})).replace(b'"en": "@@"', b'"en": "a", "en": ""')),
        ("headline twice", good.replace(b'"headline": "One"', b'"headline": "One", "headline": null', 1)),
    ]:
        yield "duplicate keys", name, text

    # Empty ids, and ids that could not name a file.
    for path in [["id"], ["people", 0, "id"], ["events", 0, "id"], ["quotes", 0, "id"], ["numbers", 0, "id"],
                 ["questions", 0, "id"], ["questions", 1, "id"], ["events", 0, "actors", 0], ["quotes", 0, "speaker"],
                 ["quotes", 0, "event"], ["numbers", 0, "event"], ["questions", 0, "events", 0]]:
        for value in BAD_IDS + ["A", "a.json", "con"]:
            yield "empty ids", f"{'/'.join(map(str, path))}={json.dumps(value)}", dump(changed(path, value)), value in BAD_IDS

    # No question without a single right answer.
    same = [  # (name, where, value); all but the last two have no single right answer
        ("same headline", ["events", 1, "headline"], "One"),
        ("same headline in zh", ["events", 1, "headline"], {"en": "Two", "zh": "One"}),
        ("same headline after fallback", ["events", 0, "headline"], {"en": "二"}),
        ("same option text", ["questions", 0, "options", 1, "text"], "a"),
        ("same option text in zh", ["questions", 0, "options"],
         [{"text": {"en": "a", "zh": "甲"}, "correct": True}, {"text": {"en": "b", "zh": "甲"}}]),
        ("same option after fallback", ["questions", 0, "options"],
         [{"text": {"en": "a", "zh": "b"}, "correct": True}, {"text": "b"}]),
        ("options differ only in zh", ["questions", 0, "options"],
         [{"text": {"en": "a", "zh": "甲"}, "correct": True}, {"text": {"en": "b", "zh": "乙"}}]),
        ("headlines differ in case", ["events", 1, "headline"], "one"),
    ]
    for n, (name, path, value) in enumerate(same):
        yield "identical texts", name, dump(changed(path, value)), n < len(same) - 2


LOCATED = re.compile(r"^(.*?):(\d+):(\d+): (error|warning): (.*)$")


def validate(files):
    """{file: (accepted, [error lines])}, or None when the run crashed or hung."""
    try:
        r = subprocess.run([CHRONICLE, "validate", *files], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode not in (0, 1):
        return None
    out = r.stdout.decode("utf-8", "replace").splitlines()
    err = r.stderr.decode("utf-8", "replace").splitlines()
    verdicts = {}
    for f in files:
        ok = f"{f}: ok," in "\n".join(line for line in out if line.startswith(f + ": "))
        errors = [line for line in err if line.startswith(f + ":") and ": error: " in line]
        verdicts[f] = (ok, errors)
    return verdicts


def schema_accepts(text):
    try:
        doc = json.loads(text.decode("utf-8-sig"), object_pairs_hook=OrderedDict,
                         parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    try:
        return SCHEMA.is_valid(doc)
    except RecursionError:
        return False


def main():
    cases = list(families())
    tried, held, failures = OrderedDict(), OrderedDict(), []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        cases = [case if len(case) == 4 else case + (False,) for case in cases]
        for n, (family, name, text, refused) in enumerate(cases):
            path = os.path.join(tmp, f"case{n:05d}.json")
            with open(path, "wb") as f:
                f.write(text)
            files.append(path)
        verdicts = {}
        for start in range(0, len(files), BATCH):
            batch = files[start:start + BATCH]
            got = validate(batch)
            if got is None:  # find the file that crashed or hung
                got = {}
                for f in batch:
                    one = validate([f])
                    got[f] = one[f] if one else None
            verdicts.update(got)
        for path, (family, name, text, refused) in zip(files, cases):
            tried[family] = tried.get(family, 0) + 1
            verdict = verdicts[path]
            problems = []
            if verdict is None:
                problems.append("crashed or hung")
            else:
                accepted, errors = verdict
                if accepted and refused:
                    problems.append("the validator accepts it")
                if accepted and not schema_accepts(text):
                    problems.append("the validator accepts it, the schema does not")
                if not accepted and not errors:
                    problems.append("refused without an error")
                content = object_root(text)
                for line in errors:
                    m = LOCATED.match(line)
                    if not m and len(text) > MAX_BYTES and "MiB" in line:
                        continue  # too big to read: the whole file is the place
                    if not m or int(m.group(2)) < 1 or int(m.group(3)) < 1:
                        problems.append(f"no line:col: {line[:200]}")
                    elif content and not m.group(5).startswith(TEXT_LEVEL) and not m.group(5).startswith("/"):
                        problems.append(f"no JSON path: {line[:200]}")
            if problems:
                failures.append(f"{family}: {name}: " + "; ".join(problems))
            else:
                held[family] = held.get(family, 0) + 1
    print(f"{'family':<16} {'tried':>6} {'held':>6}")
    for family in tried:
        print(f"{family:<16} {tried[family]:>6} {held.get(family, 0):>6}")
    print(f"{'all':<16} {sum(tried.values()):>6} {sum(held.values()):>6}")
    for f in failures:
        print("FAILED", f)
    return 1 if failures else 0


# Problems with the text itself, found before there is any JSON value to point into.
TEXT_LEVEL = ("JSON syntax", "invalid UTF-8", "brackets nest")


def object_root(text):
    """The text is a JSON object that the validator reads (so a refusal can name a JSON path)."""
    try:
        return len(text) <= MAX_BYTES and isinstance(json.loads(text.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False


if __name__ == "__main__":
    sys.exit(main())
