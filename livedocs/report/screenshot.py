"""A PNG screenshot of reports/living-docs.html in headless Chromium (Debian's `chromium` package)."""

import argparse
import re
import sys
from pathlib import Path

from livedocs.report import browser

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None):
    """Open the report in headless Chromium as a reader first sees it, and save the window as a PNG."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", default=ROOT / "reports" / "living-docs.html", type=Path)
    parser.add_argument("--png", default=ROOT / "reports" / "living-docs.png", type=Path)
    parser.add_argument("--size", default="1280,800", help="window width,height in pixels")
    parser.add_argument("--unfold-first", action="store_true", help="unfold the first HTTP exchange (folded: default)")
    args = parser.parse_args(argv)
    try:
        browser.screenshot(args.html, args.png, args.size, _unfold_first_embed(args.html) if args.unfold_first else "")
    except browser.BrowserFailed as exc:
        print(exc)
        return 2
    print(f"wrote {args.png}")
    return 0


def _unfold_first_embed(html):
    """The URL fragment that makes the formatter's script unfold the report's first embed (an HTTP exchange)."""
    found = re.search(r'class="embed-button[^"]*" id="embed_button_(\w+)"', html.read_text(encoding="utf-8"))
    return f"#toggle={found.group(1)}" if found else ""


if __name__ == "__main__":
    sys.exit(main())
