"""A behave formatter that writes Cucumber JSON, the format Cucumber-JVM writes, for CI servers and test tools.

Registered in behave.ini as `cucumber-json`:  behave -f cucumber-json -o reports/cucumber.json -f progress

Each feature holds its elements: a background (when it has one) before every scenario, as Cucumber-JVM writes
it, then the scenario with its steps (keyword, name, line, the matching step function's location and arguments,
status, duration in nanoseconds, error message, doc string, data table rows, and the HTTP exchanges the step
embedded, base64 with their MIME type and caption), its tags, and its hooks: `before` and `after` entries for
environment.py's scenario hooks. A hook that raised counts as failed, with its message; a scenario a hook
skipped has a `before` entry `skipped` with the reason. The shape is checked by `cucumber_json_schema.json`.
"""

import base64
import json
import re
import time
from datetime import datetime, timezone

from behave.formatter.base import Formatter
from behave.model_core import Status

STATUS = {"passed": "passed", "failed": "failed", "error": "failed", "hook_error": "failed",
          "cleanup_error": "failed", "skipped": "skipped", "untested": "skipped", "undefined": "undefined",
          "pending": "pending", "pending_warn": "pending", "executing": "failed"}
HOOKS = "environment.py:before_scenario", "environment.py:after_scenario"


def slug(text):
    """An id as Cucumber makes one: lower case, blanks as dashes."""
    return re.sub(r"\s+", "-", text.strip().lower())


def nanoseconds(seconds):
    """A duration in whole nanoseconds, as Cucumber JSON counts it."""
    return int(round((seconds or 0.0) * 1e9))


class CucumberJSONFormatter(Formatter):
    """Collects features, scenarios, steps, hooks and embeds as behave runs them; writes one JSON array at close."""

    name = "cucumber-json"
    description = "Cucumber JSON (the Cucumber-JVM shape): for CI servers, Xray, ReportPortal, Allure"

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.features = []
        self._feature = self._scenario = None
        self._steps = {}  # id(step) -> what only the run tells: its match and its embeds
        self._current = None  # the step that runs now (embeds go to it)
        self._before = None  # (hook error message or None, seconds) once the first step is announced
        self._clock = time.monotonic()

    # -- behave's formatter protocol ----------------------------------------------------------------

    def feature(self, feature):
        """A feature begins."""
        self._finish_scenario()
        self._feature = {"behave": feature, "elements": []}
        self.features.append(self._feature)

    def background(self, background):
        """The feature's background: written before each scenario, from the scenario's own background steps."""

    def scenario(self, scenario):
        """A scenario begins (its before hooks run next)."""
        self._finish_scenario()
        self._scenario, self._current, self._before = scenario, None, None
        self._start = datetime.now(timezone.utc)
        self._clock = time.monotonic()

    def step(self, step):
        """A step is announced; the first announcement comes after the before hooks ran."""
        if self._before is None and self._scenario is not None:
            error = self._scenario.error_message if self._scenario.hook_failed else None
            self._before = (error, time.monotonic() - self._clock)

    def match(self, match):
        """The step about to run matched a step function."""
        self._current = self._next_step()
        if self._current is not None:
            self._steps.setdefault(id(self._current), {"embeds": []})["match"] = match

    def result(self, step):
        """A step finished; the after hooks' time starts counting from the last one."""
        self._clock = time.monotonic()
        self._current = None

    def embed(self, mime_type, data, caption=None, **_options):
        """Attach data (an HTTP exchange) to the step that runs, as a Cucumber embedding."""
        step = self._current or self._next_step()
        if step is None:
            return
        raw = data if isinstance(data, bytes) else str(data).encode("utf-8")
        embedding = {"mime_type": mime_type, "data": base64.b64encode(raw).decode("ascii")}
        if caption:
            embedding["name"] = caption
        self._steps.setdefault(id(step), {"embeds": []})["embeds"].append(embedding)

    def eof(self):
        """A feature file ends."""
        self._finish_scenario()

    def close(self):
        """Write every feature as one JSON array and close the stream."""
        self._finish_scenario()
        stream = self.open()
        json.dump([self._feature_json(f) for f in self.features], stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        self.close_stream()

    # -- building the JSON --------------------------------------------------------------------------

    def _next_step(self):
        """The first step of the running scenario that has no result yet."""
        if self._scenario is None:
            return None
        return next((s for s in self._scenario.all_steps if s.status == Status.untested), None)

    def _finish_scenario(self):
        """Turn the scenario that ran last into its elements (background first), now that its hooks are done."""
        scenario, self._scenario = self._scenario, None
        if scenario is None or self._feature is None:
            return
        after_seconds = time.monotonic() - self._clock
        background = list(scenario.background_steps) if scenario.background else []
        if background:
            self._feature["elements"].append({
                "line": scenario.background.line, "type": "background", "keyword": scenario.background.keyword,
                "name": scenario.background.name or "", "description": "\n".join(scenario.background.description),
                "steps": [self._step_json(s) for s in background]})
        self._feature["elements"].append(self._scenario_json(scenario, after_seconds))

    def _scenario_json(self, scenario, after_seconds):
        """A scenario element: id, name, line, tags, before and after hooks, and its own steps."""
        feature = scenario.feature
        outline = getattr(scenario, "_row", None) is not None
        scenario_id = f"{slug(feature.name)};{slug(scenario.name.split(' -- @')[0])}"
        if outline:
            scenario_id += f";;{scenario._row.id if hasattr(scenario._row, 'id') else scenario.line}"
        before_error, before_seconds = self._before or (
            scenario.error_message if scenario.hook_failed else None, after_seconds)
        before = {"status": "passed", "duration": nanoseconds(before_seconds)}
        if before_error:
            before.update(status="failed", error_message=before_error)
        elif scenario.status == Status.skipped and scenario.skip_reason:
            before.update(status="skipped", error_message=scenario.skip_reason)
        after = {"status": "passed", "duration": nanoseconds(after_seconds if self._before else 0.0)}
        after_error = self._after_error(scenario, before_error)
        if after_error:
            after.update(status="failed", error_message=after_error)
        return {
            "start_timestamp": self._start.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "id": scenario_id, "keyword": scenario.keyword, "name": scenario.name.strip(), "line": scenario.line,
            "description": "\n".join(scenario.description), "type": "scenario",
            "tags": [{"name": f"@{tag}", "line": getattr(tag, "line", scenario.line - 1)} for tag in scenario.tags],
            "before": [{"match": {"location": HOOKS[0]}, "result": before}],
            "steps": [self._step_json(s) for s in scenario.steps],
            "after": [{"match": {"location": HOOKS[1]}, "result": after}],
        }

    @staticmethod
    def _after_error(scenario, before_error):
        """The after hooks' error message: what the scenario's hook errors hold beyond the before hooks' one."""
        if not scenario.hook_failed or not scenario.error_message:
            return None
        message = scenario.error_message
        if before_error and message.startswith(before_error):
            message = message[len(before_error):].strip()
        return message or None

    def _step_json(self, step):
        """A step: keyword, name, line, match, result, and its doc string, table rows and embeddings if any."""
        seen = self._steps.pop(id(step), {"embeds": []})
        result = {"status": STATUS.get(step.status.name, "failed")}
        if step.status not in (Status.untested, Status.skipped, Status.undefined):
            result["duration"] = nanoseconds(step.duration)
        if step.error_message and result["status"] == "failed":
            result["error_message"] = step.error_message
        entry = {"keyword": f"{step.keyword} ", "name": step.name, "line": step.line,
                 "match": self._match_json(step, seen.get("match")), "result": result}
        if step.text is not None:
            entry["doc_string"] = {"content_type": getattr(step.text, "content_type", "") or "",
                                   "line": step.line + 1, "value": str(step.text)}
        if step.table is not None:
            entry["rows"] = [{"cells": list(step.table.headings)}] + [{"cells": list(r.cells)} for r in step.table]
        if seen["embeds"]:
            entry["embeddings"] = seen["embeds"]
        return entry

    def _match_json(self, step, match):
        """Where the step's function is and what it took; found in the step registry for a step that did not run."""
        if match is None and step.status != Status.undefined:
            from behave.step_registry import registry  # the same registry the runner matched against

            match = registry.find_match(step)
        if match is None or not getattr(match, "location", None):
            return {}
        arguments = [{"val": str(a.original), "offset": a.start} for a in (match.arguments or [])]
        return {"location": f"{match.location.filename}:{match.location.line}", "arguments": arguments}

    def _feature_json(self, feature):
        """A feature: uri, id, name, prose, tags and its elements."""
        behave_feature = feature["behave"]
        return {
            "uri": str(behave_feature.filename), "id": slug(behave_feature.name), "keyword": behave_feature.keyword,
            "name": behave_feature.name, "line": behave_feature.line,
            "description": "\n".join(behave_feature.description),
            "tags": [{"name": f"@{t}", "type": "Tag",
                      "location": {"line": getattr(t, "line", behave_feature.line - 1), "column": 1}}
                     for t in behave_feature.tags],
            "elements": feature["elements"],
        }
