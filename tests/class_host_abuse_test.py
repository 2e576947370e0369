#!/usr/bin/env python3
"""Bad input against the real headless host (`chronicle host --no-window`) on 127.0.0.1.

Each attack gets a clear refusal (an `error` message with its code, or an HTTP error),
the host logs it on standard error, and a well-behaved phone joins and plays afterwards:
wrong PIN, duplicate nickname, a 1 MB message, malformed JSON, a flood of answers, an
answer for another seat, a host action without the token, path traversal on the static
server. WebSocket framing is written out here (RFC 6455) so the test needs nothing but
Python's standard library.

    class_host_abuse_test.py CHRONICLE
"""
import base64
import json
import os
import re
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time

CHRONICLE = sys.argv[1]
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class Phone:
    """A WebSocket client, just enough of one: masked text frames out, frames in."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert head.startswith(b"HTTP/1.1 101"), head
        self.buffer = b""
        self.closed = False

    def send_raw(self, payload, opcode=1):
        mask = os.urandom(4)
        n = len(payload)
        header = bytes([0x80 | opcode])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        try:
            self.sock.sendall(header + mask + masked)
        except (BrokenPipeError, ConnectionResetError):
            self.closed = True

    def send(self, message):
        self.send_raw(json.dumps(message).encode())

    def _read(self, n, deadline):
        while len(self.buffer) < n:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                return None
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                self.closed = True
                return None
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self, timeout=5):
        """The next text message as JSON; None on a close frame, a closed socket or time out."""
        deadline = time.time() + timeout
        while True:
            head = self._read(2, deadline)
            if head is None:
                return None
            opcode, n = head[0] & 0x0F, head[1] & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2, deadline))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8, deadline))[0]
            payload = self._read(n, deadline)
            if opcode == 8:
                self.closed = True
                return None
            if opcode == 1:
                return json.loads(payload)

    def wait_for(self, predicate, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            m = self.receive(deadline - time.time())
            if m is None:
                return None
            if predicate(m):
                return m
        return None


def error_code(phone):
    m = phone.wait_for(lambda m: m.get("type") == "error")
    return m and m["code"]


def http_get(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


with tempfile.TemporaryDirectory() as data_dir:
    host = subprocess.Popen([CHRONICLE, "host", "--pack", "openai-2023", "--no-window", "--bind", "127.0.0.1",
                             "--port", "0", "--count", "3", "--seed", "8", "--lang", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CHRONICLE_DATA_DIR": data_dir})
    lines = {}
    while len(lines) < 3:
        line = host.stdout.readline()
        for key in ("Join at: ", "PIN: ", "Host token: "):
            if line.startswith(key):
                lines[key] = line[len(key):].split()[0]
    port = int(re.search(r":(\d+)/", lines["Join at: "]).group(1))
    pin = lines["PIN: "]
    wrong_pin = "000000" if pin != "000000" else "111111"

    def join(phone, client, name, with_pin=pin):
        phone.send({"type": "join", "pin": with_pin, "client": client, "name": name})

    intruder = Phone(port)
    join(intruder, "intruder-client-000001", "Eve", wrong_pin)
    check(error_code(intruder) == "wrong_pin", "a wrong PIN is refused: wrong_pin")

    ana = Phone(port)
    join(ana, "ana-client-0000000001", "Ana")
    check(ana.wait_for(lambda m: m.get("type") == "welcome") is not None, "Ana joins with the PIN")
    time.sleep(1.1)  # one refusal a second is told: let the intruder's be over
    join(intruder, "intruder-client-000001", " ANA ")
    check(error_code(intruder) == "name_taken", "a duplicate nickname (case and spaces aside) is refused: name_taken")

    time.sleep(1.1)
    intruder.send_raw(b"{not json")
    check(error_code(intruder) == "bad_json", "malformed JSON is refused: bad_json")
    time.sleep(1.1)
    intruder.send({"type": "host", "token": "guess", "action": "end"})
    check(error_code(intruder) == "not_host", "a host action without the token is refused: not_host")

    big = Phone(port)
    big.send_raw(b'{"type":"join","name":"' + b"x" * (1 << 20) + b'"}')
    check(error_code(big) == "too_big", "a 1 MB message is refused: too_big")
    check(big.receive(5) is None and big.closed, "... and its connection is closed")

    bob = Phone(port)
    join(bob, "bob-client-00000000002", "Bob")
    check(bob.wait_for(lambda m: m.get("type") == "welcome") is not None, "Bob joins after all that")

    for path, what in (("/../../../etc/passwd", "../ in the path"), ("/%2e%2e/%2e%2e/etc/passwd", "%2e%2e in the path"),
                       ("/..%2fCMakeLists.txt", "an encoded slash"), ("/ws/../../etc/hostname", "../ after /ws")):
        reply = http_get(port, path)
        status = reply.split(b"\r\n", 1)[0]
        check(not status.endswith(b"200 OK") and b"root:" not in reply, f"path traversal refused ({what}): {status.decode()}")
    check(http_get(port, "/").split(b"\r\n", 1)[0].endswith(b"200 OK"), "the phone page is still served")

    host.stdin.write("start\n")
    host.stdin.flush()
    state = ana.wait_for(lambda m: m.get("type") == "state" and m.get("phase") == "question")
    check(state is not None, "the game starts for Ana")
    index = state["question"]["index"]
    n = len(state["question"]["options"])
    choice = list(range(n)) if state["question"]["arrange"] else [0]
    # Bob floods: 300 answers at once. One is taken; the rest are refused, with one error.
    for _ in range(300):
        bob.send({"type": "answer", "question": index, "choice": choice})
    errors = []
    while (m := bob.receive(1.5)) is not None:
        if m.get("type") == "error":
            errors.append(m["code"])
    check(errors.count("too_fast") == 1 and len(errors) <= 20 and set(errors) <= {"not_open", "too_fast"},
          f"a flood of answers: the burst's refusals each told, then one too_fast ({len(errors)} errors)")
    # Bob names Ana's seat: the answer is his (already given), Ana's stays open.
    bob.send({"type": "answer", "question": index, "choice": choice, "seat": 0})
    time.sleep(0.5)
    host.stdin.write("players\n")
    host.stdin.flush()
    ana.send({"type": "answer", "question": index, "choice": choice})
    revealed = ana.wait_for(lambda m: m.get("type") == "state" and m.get("phase") == "reveal")
    check(revealed is not None and revealed["result"]["chosen"] == choice,
          "Ana's own answer is taken after Bob named her seat, and the question is revealed")

    host.stdin.write("quit\n")
    host.stdin.flush()
    out, err = host.communicate(timeout=20)
    check(host.returncode == 0, f"the host ends cleanly (exit {host.returncode})")
    for code in ("wrong_pin", "name_taken", "bad_json", "not_host"):
        check(re.search(rf"refused a message from 127\.0\.0\.1 \(connection \d+\): {code}", err) is not None,
              f"the host logged {code}")
    check("2 of 2 answered" in out, "both players' answers counted once")

sys.exit(1 if failures else 0)
