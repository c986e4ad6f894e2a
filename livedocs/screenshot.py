"""A PNG screenshot of reports/living-docs.html in headless Chromium (Debian's `chromium` package)."""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Headless, and quiet on a closed network: no first-run, sync, update or background connections.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main(argv=None):
    """Open the report in headless Chromium, its first HTTP exchange unfolded, and save what it shows as a PNG."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", default=ROOT / "reports" / "living-docs.html", type=Path)
    parser.add_argument("--png", default=ROOT / "reports" / "living-docs.png", type=Path)
    parser.add_argument("--size", default="1280,1600", help="window width,height in pixels")
    parser.add_argument("--collapsed", action="store_true", help="leave the first HTTP exchange folded")
    args = parser.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("no chromium on this machine: apt-get install chromium (Debian's package)")
        return 2
    url = args.html.resolve().as_uri() + ("" if args.collapsed else _unfold_first_embed(args.html))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={args.size}",
                        f"--screenshot={args.png.resolve()}", url], check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"wrote {args.png}")
    return 0


def _unfold_first_embed(html):
    """The URL fragment that makes the formatter's script unfold the report's first embed (an HTTP exchange)."""
    found = re.search(r'class="embed-button[^"]*" id="embed_button_(\w+)"', html.read_text(encoding="utf-8"))
    return f"#toggle={found.group(1)}" if found else ""


if __name__ == "__main__":
    sys.exit(main())
