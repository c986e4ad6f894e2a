"""CI's check of the living-docs report as a reader sees it: its first screen shows the overview.

    python -m livedocs.report.first_screen [--png docs/living-docs-first-screen.png]

Opens reports/living-docs.html in headless Chromium at 1280x800, lets the page lay itself out, and reads back
(through the report's own probe, livedocs/report/html_report.py) what the first screen shows. It fails unless the
overview starts in the top third of the screen, every user-centred capability in it is wholly on that screen,
the capabilities come shelf by shelf with the user-centred ones first and the features below follow that order,
no HTTP exchange and no code location is unfolded anywhere, and the features' prose is set as prose. With --png
it also saves that first screen (docs/reports.md shows it).
"""

import argparse
import html
import json
import re
import sys
from pathlib import Path

from livedocs.report import browser

ROOT = Path(__file__).resolve().parents[2]
SIZE = "1280,800"


def what_it_shows(report, size=SIZE):
    """The probe's record of the laid-out page, or None when the report has no probe (not our report)."""
    dom = browser.dom_after_load(report, size, fragment="#first-screen-probe")
    found = re.search(r'data-first-screen="([^"]*)"', dom)
    return json.loads(html.unescape(found.group(1))) if found else None


def problems(shown):
    """What keeps the first screen from being the overview a product owner wants, as sentences."""
    if shown is None:
        return ["the report has no overview (is it written by -f living-docs?)"]
    found, height = [], shown["height"]
    if not 0 <= shown["overview_top"] < height / 3:
        found.append(f"the overview starts at {shown['overview_top']:.0f} px, not in the top third of {height} px")
    capabilities = shown["capabilities"]
    shelves = [c["shelf"] for c in capabilities]
    if not capabilities or shelves[0] != 0 or shelves != sorted(shelves):
        found.append(f"the capabilities are not user-centred first, then by shelf: shelves {shelves}")
    cut = [c["name"] for c in capabilities if c["shelf"] == 0 and not c["whole"]]
    if cut:
        found.append(f"{len(cut)} user-centred capabilities are not on the first screen: {', '.join(cut)}")
    if shown["features"] != [c["name"] for c in capabilities]:
        found.append("the features below are not in the overview's order")
    if shown["exchanges_shown"]:
        found.append(f"{shown['exchanges_shown']} HTTP exchanges are unfolded before anyone asked")
    if shown["code_locations_shown"]:
        found.append(f"{shown['code_locations_shown']} code locations are shown before anyone asked")
    if shown["prose_white_space"].startswith("pre") or "monospace" in shown["prose_font"]:
        found.append(f"the prose is set as code ({shown['prose_white_space']}, {shown['prose_font']})")
    return found


def main(argv=None):
    """Check the report's first screen; print each problem and exit 1, or say what it shows and exit 0."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html", default=ROOT / "reports" / "living-docs.html", type=Path)
    parser.add_argument("--png", type=Path, help="also save the first screen as this PNG")
    parser.add_argument("--size", default=SIZE, help="window width,height in pixels")
    args = parser.parse_args(argv)
    try:
        shown = what_it_shows(args.html, args.size)
        if args.png:
            browser.screenshot(args.html, args.png, args.size)
    except browser.BrowserFailed as exc:
        print(exc)
        return 2
    found = problems(shown)
    for line in found:
        print(f"first screen: {line}")
    if shown is not None:
        whole = sum(1 for c in shown["capabilities"] if c["whole"])
        print(f"first screen: the overview at {shown['overview_top']:.0f}-{shown['overview_bottom']:.0f} px of "
              f"{shown['height']} px, {whole} of {len(shown['capabilities'])} capabilities wholly on it; "
              f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
