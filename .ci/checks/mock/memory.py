"""The mock's command line stays flat in memory: under 100 MB of growth whatever the traffic.

Runs `python -m mockserver --quiet` and sends it the first mix of traffic (1,000 distinct reads of /comments and
500 writes of 100 KB), then a nastier mix: long distinct addresses of the biggest collection, 5 MB bodies,
requests with 16 KB of headers (a few big ones, or thousands of tiny ones), distinct `_like` patterns and
distinct origins with gzip; then the first mix again, with queries and bodies of its own (a leak of a few KB a
request, below the limit in one pass, shows in two). After each mix it reads from /proc the mock's resident memory (VmRSS) and its peak
resident memory so far (VmHWM, requests in flight included) and fails if either grew by LIMIT_MB or more over the
mock's resident memory after a warm-up, or if a request failed (a search cut off at its time limit, as on a loaded
machine, is the mock's bound at work: counted and printed, not failed).

Each of the mock's bounds is passed several times over by one mix, so lifting any one of them fails the check in
that mix (measured, each lifted alone: rendered answers +165 MB and whole replies +316 MB after the first mix, the
journal +199 MB and the compiled patterns +141 MB after the nastier one). The 1 MB answers and 5 MB bodies come
last, 4 in flight at once on top of all that is kept: where the peak is highest (+75 to +85 MB in six runs).
"""

import http.client
import json
import subprocess
import sys
import threading
import time

LIMIT_MB = 100
CUT_OFF = b"cut off after"  # a search's answer when its time limit ran out (mockserver/node/regexp/jsregex.py): load, not memory
CONNECTIONS = 4  # clients at once: several threads of the mock allocate at the same time, as in real use
TIMEOUT = 60  # seconds for any one answer (a 5 MB write takes well under a second)
WORDS = "\\w" * 7000  # a `_like` pattern that once compiled to 2.6 MB (now to one that no record is long enough for)
GROUPS = "(a)" * 1000  # a `_like` pattern of 1,000 capture groups: 0.7 MB each once compiled, kept (20 ms to compile)


def start_cli():
    """The CLI mock on a free port: (process, host, port) once its banner is out."""
    mock = subprocess.Popen([sys.executable, "-m", "mockserver", "--port", "0", "--quiet"],
                            stdout=subprocess.PIPE, text=True)
    url = mock.stdout.readline().split(" on ")[1].split()[0]
    host, port = url.removeprefix("http://").split(":")
    return mock, host, int(port)


def memory_mb(pid):
    """(resident now, peak resident) of a process, in MB, from /proc."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status if ":" in line)
    return tuple(int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))


def json_body(size, seed):
    """A JSON object of about size bytes, different for every seed."""
    return json.dumps({"title": f"{seed} " + "x" * size, "userId": seed}).encode()


def first_mix(start=0):
    """The first mix: 1,000 distinct queries (150 KB answers: 150 MB into each cache), then 500 writes of 100 KB."""
    for n in range(start, start + 1000):
        yield "GET", f"/comments?_={n}", None, {}
    for n in range(start, start + 500):
        yield "POST", "/posts", json_body(100_000, n), {"Content-Type": "application/json"}


def first_mix_again():
    """The first mix once more, with queries and bodies of its own: what a cache or the journal let go must stay
    gone, so that a leak of a few KB a request, below the limit in one pass, shows in two."""
    return first_mix(start=1000)


def nasty_traffic():
    """What a long session of tools and fuzzers could send: every shape that a cache or the journal keeps, then the
    large answers and bodies, in flight on top of all that is kept (where the peak is highest)."""
    for n in range(1000):  # 15 KB of headers in 100 big ones, a distinct origin each time (echoed and kept)
        headers = {f"X-Big-{i}": f"{n}-" + "h" * 140 for i in range(100)}
        yield "GET", "/users/1", None, {**headers, "Origin": f"http://{n}.example"}
    for n in range(500):  # 15 KB of headers in 1,200 tiny ones
        yield "GET", f"/users/{n % 10 + 1}", None, {f"x{i}": f"{n}" for i in range(1200)}
    for n in range(150):  # distinct regular expressions of 3 KB, 0.7 MB each compiled: 100 MB were they all kept
        yield "GET", f"/users?name_like={n}{GROUPS}", None, {}
    for n in range(8):  # distinct regular expressions of 14 KB (they once compiled to 2.6 MB each)
        yield "GET", f"/comments?body_like={n}{WORDS}", None, {}
    for n in range(1000):  # distinct origins with gzip: whole replies kept per origin
        yield "GET", "/posts", None, {"Origin": f"http://{n}.example", "Accept-Encoding": "gzip"}
    for n in range(24):  # long distinct addresses of the biggest collection (1 MB answers, 4 at once)
        yield "GET", f"/photos?_={n}&pad={'p' * 8000}", None, {}
    for n in range(8):  # 5 MB writes, 4 at once
        yield "POST", "/posts", json_body(5_000_000, n), {"Content-Type": "application/json"}


def drive(host, port, requests):
    """Send every request over CONNECTIONS keep-alive connections at once; the count of answers and errors."""
    lock, counts = threading.Lock(), {"answers": 0, "errors": [], "cut off": 0}
    source = iter(requests)

    def client():
        """One connection taking the next request until none is left."""
        conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        while True:
            with lock:
                request = next(source, None)
            if request is None:
                break
            method, target, body, headers = request
            try:
                conn.request(method, target, body, headers)
                response = conn.getresponse()
                body = response.read()
                outcome = None if response.status in (200, 201) else f"status {response.status}"
                if response.status == 500 and "_like=" in target and CUT_OFF in body:
                    outcome = "cut off"  # a slow machine: the pattern's time limit ran out, as it must (not memory)
            except (OSError, http.client.HTTPException) as exc:
                outcome = repr(exc)
                conn.close()
            with lock:
                counts["answers"] += 1
                if outcome == "cut off":
                    counts["cut off"], outcome = counts["cut off"] + 1, None
                if outcome:
                    counts["errors"].append(f"{method} {target[:60]}: {outcome}")
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def main():
    """Warm up, then each traffic mix; fail if the memory kept or the peak grew by LIMIT_MB or a request failed."""
    mock, host, port = start_cli()
    ok = True
    try:
        warm = [("GET", path, None, {}) for path in ("/db", "/users", "/comments", "/photos", "/users/1")]
        drive(host, port, warm * 2)
        base, _ = memory_mb(mock.pid)
        print(f"     after a warm-up: {base:.1f} MB resident")
        for name, traffic in (("the first mix", first_mix), ("a nastier mix", nasty_traffic),
                              ("the first mix again", first_mix_again)):
            started = time.monotonic()
            counts = drive(host, port, traffic())
            now, peak = memory_mb(mock.pid)
            good = now - base < LIMIT_MB and peak - base < LIMIT_MB and not counts["errors"]
            ok &= good
            print(f"{'ok  ' if good else 'FAIL'} {name}: {counts['answers']} requests in "
                  f"{time.monotonic() - started:.1f} s; resident {now:.1f} MB: {now - base:+.1f} MB; peak so far "
                  f"{peak:.1f} MB: {peak - base:+.1f} MB, with requests in flight (limit for both {LIMIT_MB} MB)"
                  + (f"; {counts['cut off']} searches cut off at their time limit" if counts["cut off"] else ""))
            for error in counts["errors"][:5]:
                print(f"     failed: {error}")
    finally:
        mock.terminate()
        mock.wait(timeout=10)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
