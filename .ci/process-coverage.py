#!/usr/bin/env python3
"""Adds up the per-class reports of camunda-process-test-coverage (target/process-test-coverage/*/report.json) into one
figure per process: which flow nodes and sequence flows the whole suite has passed. Prints a table; exit 0 always."""
import glob
import json
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/process-test-coverage"
covered, totals, missing_names = {}, {}, {}
for path in glob.glob(f"{root}/*/report.json"):
    report = json.load(open(path, encoding="utf-8"))
    for model in report.get("models", []):
        key = model["key"]
        if key.startswith("bench-") or key.startswith("test-") or "probe" in key:
            continue
        totals[key] = max(totals.get(key, 0), model["totalElementCount"])
        ids = set(re.findall(r'<bpmn:(?:\w+) id="([^"]+)"', model["xml"]))
        missing_names.setdefault(key, ids)
    for suite in report.get("suites", []):
        for run in suite.get("runs", []):
            for event in run.get("events", []):
                covered.setdefault(event["modelKey"], set()).add(event["definitionKey"])
print(f"{'process':28} {'covered':>8} {'total':>6} {'share':>7}")
for key in sorted(totals):
    seen = len(covered.get(key, set()))
    print(f"{key:28} {seen:8d} {totals[key]:6d} {seen / totals[key]:7.0%}")
