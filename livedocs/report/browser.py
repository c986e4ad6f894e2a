"""Headless Chromium (Debian's `chromium`) as a reader's browser: screenshots, the laid-out page, what it loads.

Every run gets a fresh profile and resolves no host name, so neither the page nor the browser's own
background services reach any network; the net log still records what the page tried to load.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 120  # seconds one browser run may take before it is stopped
# Headless, and quiet on a closed network: no first-run, sync, update or background connections, no DNS.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")


class BrowserFailed(RuntimeError):
    """Chromium could not open the page: it is missing, failed, or outlasted TIMEOUT."""


class NoBrowser(BrowserFailed):
    """There is no Chromium on this machine."""


def executable():
    """The Chromium binary, or NoBrowser saying how to install it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise NoBrowser("no chromium on this machine: apt-get install chromium (Debian's package)")
    return found


def run(url, *arguments, size="1280,800", net_log=None):
    """Open url in headless Chromium with extra arguments; return what it printed (e.g. --dump-dom's DOM)."""
    if url.startswith("file:") and not Path(url[len("file://"):].split("#")[0]).exists():
        raise BrowserFailed(f"{url[len('file://'):].split('#')[0]} does not exist: write the report first")
    with tempfile.TemporaryDirectory() as profile:
        extra = [f"--log-net-log={net_log}"] if net_log else []
        try:
            done = subprocess.run([executable(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                                   *extra, *arguments, url], check=True, timeout=TIMEOUT,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise BrowserFailed(f"chromium did not finish with {url} within {TIMEOUT} s") from None
        except subprocess.CalledProcessError as exc:
            raise BrowserFailed(f"chromium failed on {url} (exit status {exc.returncode})") from None
    return done.stdout.decode("utf-8", "replace")


def screenshot(html, png, size, fragment=""):
    """Save what a reader sees of the page, in a window of size "width,height", as a PNG."""
    run(Path(html).resolve().as_uri() + fragment, "--virtual-time-budget=5000", f"--screenshot={Path(png).resolve()}",
        size=size)


def dom_after_load(html, size, fragment="", budget_ms=5000):
    """The page's DOM once its scripts ran (for at most budget_ms of the page's own time)."""
    return run(Path(html).resolve().as_uri() + fragment, f"--virtual-time-budget={budget_ms}", "--dump-dom",
               size=size)


def network_loads(html, budget_ms=8000):
    """Every URL outside this file the page asked the network for while it loaded and ran."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "net.json"
        run(Path(html).resolve().as_uri(), f"--virtual-time-budget={budget_ms}", "--dump-dom", net_log=log)
        events = json.loads(log.read_text(encoding="utf-8"))
    names = {number: name for name, number in events["constants"]["logEventTypes"].items()}
    loads = []
    for event in events["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if params.get("initiator") == "not an origin":
            continue  # the browser's own services (blocked anyway: no host name resolves), not the page
        if not params["url"].startswith(LOCAL_SCHEMES):
            loads.append(params["url"])
    return loads
