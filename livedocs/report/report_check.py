"""CI's check of reports/living-docs.html: the features, their scenarios and steps, and HTTP exchanges are in it."""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from behave.runner_util import parse_features

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "reports" / "living-docs.html"
CAPTION = re.compile(r"^HTTP ([A-Z]+) (/\S*) -> (\d{3}) .*\((mock|live) (https?://[^)]+)\)$")
DATA_CAPTION = "the users the service knows in this scenario"  # steps/known_users.py embeds them at its Given
EXTERNAL = re.compile(r"^(https?:)?//")
ROLES = {"scenario-name": "scenario", "step-decorator": "step", "embed-button": "caption", "embed-content": "content"}


class ReportReader(HTMLParser):
    """Reads the report into its text, its embeds (caption, content) and any external resource it loads."""

    def __init__(self):
        super().__init__()
        self.text, self.embeds, self.external, self._open = [], [], [], []
        self.scenarios = []  # (name, [step, ...]) in the order the report shows them

    def handle_starttag(self, tag, attrs):
        """Note embed buttons and contents as they open, and resources loaded from elsewhere."""
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        self._open.append(next((ROLES[c] for c in classes if c in ROLES), None))
        if "scenario-name" in classes:
            self.scenarios.append(["", []])
        elif "step-decorator" in classes and self.scenarios:
            self.scenarios[-1][1].append("")
        if tag in ("script", "link", "img", "iframe", "video", "source"):
            source = attributes.get("src") or attributes.get("href") or ""
            if EXTERNAL.match(source):
                self.external.append(f"<{tag}> {source}")

    def handle_endtag(self, tag):
        """Close the innermost element (the report is well nested: dominate writes it)."""
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        """Keep all text; start an embed at its caption, and add content text to the last embed."""
        self.text.append(data)
        if "scenario" in self._open:
            self.scenarios[-1][0] += data
        elif "step" in self._open and self.scenarios:
            self.scenarios[-1][1][-1] += data
        if "caption" in self._open:
            self.embeds.append([data.strip(), ""])
        elif "content" in self._open and self.embeds:
            self.embeds[-1][1] += data


def problems(html, features):
    """What the report lacks, as sentences (an empty list when it holds everything it should)."""
    reader = ReportReader()
    reader.feed(html)
    text = " ".join(" ".join(reader.text).split())
    found = [f"loads {source} from the network" for source in reader.external]
    shown = [[_words(name.split(":", 1)[-1]), [_words(step) for step in steps]] for name, steps in reader.scenarios]
    for feature in features:
        found += [f"feature {feature.name!r} is missing"] if feature.name not in text else []
        found += [f"the prose of {feature.name!r} is missing"] if " ".join(feature.description) not in text else []
        for scenario in feature.walk_scenarios():
            steps = [_words(f"{s.keyword} {s.name}") for s in scenario.steps]
            if [_words(scenario.name), steps] not in shown:
                found.append(f"scenario {scenario.name!r} is missing, or its steps are not {steps}")
    exchanges = [(CAPTION.match(caption), content) for caption, content in reader.embeds]
    exchanges = [(m, content) for m, content in exchanges if m]
    if not exchanges:
        found.append("no HTTP exchange is embedded")
    for match, content in exchanges:
        method, path, status = match.group(1), match.group(2), match.group(3)
        if f"{method} {match.group(5)}{path}"[:60] not in content or f"HTTP/1.1 {status}" not in content:
            found.append(f"the exchange {match.group(0)!r} lacks its request or response line")
    found += data_problems(reader.embeds, features)
    if "Scenarios:" not in text or not re.search(r"\d+ passed", text):
        found.append("the summary of results is missing")
    return found


def data_problems(embeds, features):
    """The users a scenario gave the mock are shown at each Given that gave them, as the JSON the API serves."""
    givens = [s for f in features for sc in f.walk_scenarios() for s in sc.steps
              if s.step_type == "given" and s.name.startswith("the users service knows")]
    shown = [content for caption, content in embeds if caption.startswith(DATA_CAPTION)]
    found = [f"{len(givens)} Givens give the mock users, but the report shows {len(shown)} sets of them"] \
        if len(shown) != len(givens) else []
    found += [f"a set of users shown is not JSON: {c[:60]!r}" for c in shown   # long ones: after a download button
              if not c.removeprefix("Download").lstrip().startswith("[")]
    return found


def _words(text):
    """Text without whitespace: the formatter sets quoted parameters in their own element, with layout space around."""
    return "".join(text.split())


def main():
    """Check the report; print what is missing and exit 1, or print what it holds and exit 0."""
    if not REPORT.exists():
        print(f"{REPORT.relative_to(ROOT)} was not written")
        return 1
    features = parse_features(sorted(str(p) for p in (ROOT / "features").glob("**/*.feature")))
    found = problems(REPORT.read_text(encoding="utf-8"), features)
    for line in found:
        print(f"living-docs report: {line}")
    reader = ReportReader()
    reader.feed(REPORT.read_text(encoding="utf-8"))
    print(f"living-docs report: {len(features)} features, {len(reader.embeds)} embeds, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
