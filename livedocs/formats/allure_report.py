"""The Allure report: one self-contained HTML file from a run's Allure results, opened offline.

    python -m behave -D target=mock -f allure -o reports/allure-results -f progress   # the results
    python -m livedocs.formats.allure_report                                                  # the report

builds reports/allure-report/index.html with the Allure tool pinned in livedocs/formats/allure/ (npm's `allure` 3.18.0,
installed from its lock file with `npm ci` the first time; Node.js and npm are needed, Java is not), in the
classic Allure look, with Allure's analytics switched off. `--check` then opens the report in headless Chromium
and fails if the page asks the network for anything.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from livedocs.report import browser

ROOT = Path(__file__).resolve().parents[2]
TOOL = Path(__file__).resolve().parent / "allure"
INSTALL_TIMEOUT, BUILD_TIMEOUT = 600, 300  # seconds: npm ci on a slow registry; building a large report


def install():
    """Install the pinned tool from its lock file, unless the installed one is that lock's."""
    installed = TOOL / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= (TOOL / "package-lock.json").stat().st_mtime:
        return
    print("installing the Allure tool (npm ci in livedocs/formats/allure)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=TOOL, check=True,
                   timeout=INSTALL_TIMEOUT, stdout=subprocess.DEVNULL)


def build(results, output):
    """Generate the single-file report from the results folder into the output folder."""
    environment = dict(os.environ, ALLURE_NO_ANALYTICS="true", NO_COLOR="1")
    subprocess.run(["node", str(TOOL / "node_modules" / "allure" / "cli.js"), "generate", str(results.resolve()),
                    "--config", str(TOOL / "allurerc.mjs"), "--output", str(output.resolve())],
                   cwd=TOOL, check=True, timeout=BUILD_TIMEOUT, env=environment, stdout=subprocess.DEVNULL)


def _with_the_tool(work):
    """Run work (installing or building with the tool): 0, or say why it could not and return the exit status."""
    try:
        work()
    except FileNotFoundError as exc:
        print(f"cannot run {exc.filename}: the Allure report needs Node.js and npm (apt-get install nodejs npm)")
        return 2
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"the Allure tool failed: {exc}")
        return 1
    return 0


def main(argv=None):
    """Build the report (and check it loads nothing from the network); say where it is, or why not."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=ROOT / "reports" / "allure-results")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "allure-report")
    parser.add_argument("--check", action="store_true", help="open it in headless Chromium: nothing may load")
    parser.add_argument("--install", action="store_true", help="only install the pinned tool (npm ci), if it is not "
                        "installed yet: CI does this while the run that makes the results goes on")
    args = parser.parse_args(argv)
    if args.install:
        return _with_the_tool(install)
    if not any(args.results.glob("*-result.json")):
        print(f"no Allure results in {args.results}: run behave with -f allure -o {args.results} first")
        return 2
    failed = _with_the_tool(lambda: (install(), build(args.results, args.output)))
    if failed:
        return failed
    report = args.output / "index.html"
    print(f"wrote {report} ({report.stat().st_size // 1024} KB, one file)")
    if args.check:
        try:
            loads = browser.network_loads(report)
        except browser.BrowserFailed as exc:
            print(f"allure report: cannot check it: {exc}")
            return 1
        for url in loads:
            print(f"allure report: loads {url} from the network")
        print(f"allure report: opened in headless Chromium, {len(loads)} load(s) from the network")
        return 1 if loads else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
