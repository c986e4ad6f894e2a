"""The living-docs report's last section: what the features cover of the API (livedocs.api_coverage), as tables."""

from dominate.tags import a, h2, h3, p, section, span, table, tbody, td, th, thead, tr

from livedocs import api_coverage


def render(coverage, anchors):
    """Tables of method x route, query operators and statuses; each count links to a scenario (anchors[location])."""
    with section(id="api-coverage"):
        h2("What the features cover of the API")
        p(coverage.summary() + ". Each number is how many scenarios did it; it links to one of them. "
          "An orange cell is something the API offers that no scenario touches.")
        routes = list(dict.fromkeys(r for _, r in api_coverage.offered_routes()))
        routes += sorted({r for _, r in coverage.routes} - set(routes))
        methods = list(api_coverage.METHODS) + (["other"] if any(m == "other" for m, _ in coverage.routes) else [])
        offered = set(api_coverage.offered_routes())
        with table():
            thead(tr(th("route"), *[th(m) for m in methods]))
            with tbody():
                for route in routes:
                    with tr():
                        td(route, cls="route")
                        for method in methods:
                            _cell(coverage.routes.get((method, route)), (method, route) in offered, anchors)
        _coverage_list("Query operators", "operator", coverage.operators, api_coverage.OPERATORS, anchors)
        _coverage_list("Statuses", "status", coverage.statuses, api_coverage.STATUSES, anchors)
        p("Not in the journal, so not counted here: " + "; ".join(
            f"{code} ({why})" for code, why in api_coverage.UNJOURNALED.items()) +
            ". The HTTP parser answers them before a request reaches the API; the robustness battery checks "
            "them on the wire.")


def _coverage_list(title, heading, seen, offered, anchors):
    """A two-column table: each thing the API offers, and the scenarios that used it (or none)."""
    h3(title)
    with table():
        thead(tr(th(heading), th("meaning"), th("scenarios")))
        with tbody():
            for name in list(offered) + sorted(set(seen) - set(offered)):
                with tr():
                    td(str(name), cls="route")
                    td(str(offered.get(name, "")))
                    _cell(seen.get(name), True, anchors)


def _cell(scenarios, offered, anchors):
    """A table cell: the number of scenarios linking to the first, 'none' if offered and untouched, else empty."""
    if scenarios:
        location, name = scenarios[0]
        anchor = anchors.get(location)
        with td(cls="touched", title=f"for example: {name} ({location})"):
            if anchor:
                a(str(len(scenarios)), href=f"#{anchor}")
            else:
                span(str(len(scenarios)))
    elif offered:
        td("none", cls="untouched")
    else:
        td("")
