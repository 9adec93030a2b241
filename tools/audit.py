"""Lighthouse on the built site, served locally with gzip: `make audit`.

Runs Lighthouse (installed from the npm registry by `make audit`) in its default mobile
configuration against the local Chromium, on the pages below, and writes the scores to a
JSON file and a table to stdout. Each page is audited `--runs` times and the run with
the median performance score is kept (Lighthouse's own advice on a noisy machine).

Not part of `make test`: it needs Node. The page-weight budgets that do not need a
browser are in tests/test_budgets.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_gzip import serving

# Stride and pooling is the first half of the former long page (its second half is
# through-a-cnn/aliasing/, "Max pooling and aliasing").
PAGES = {
    "home": "",
    "Stride and pooling": "through-a-cnn/stride-and-pooling/",
    "notebook": "notebooks/conv-check/",
    "API: measures": "reference/measures/",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = "performance,accessibility"


def lighthouse_once(lighthouse: Path, url: str, keep: Path | None = None) -> dict[str, Any]:
    """Run Lighthouse once on `url`; return the fields the table shows.

    With `keep`, the full Lighthouse report is also written there (for diagnosis).
    """
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(lighthouse),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={CATEGORIES}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0 or not report.is_file():
            raise SystemExit(f"lighthouse failed on {url}:\n{done.stdout}\n{done.stderr}")
        data = json.loads(report.read_text(encoding="utf-8"))
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(report, keep)
    audits = data["audits"]
    categories = data["categories"]
    return {
        "performance": categories["performance"]["score"],
        "accessibility": categories["accessibility"]["score"],
        "transferred_bytes": int(audits["total-byte-weight"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lighthouse": data["lighthouseVersion"],
        "user_agent": data["environment"]["hostUserAgent"],
    }


def audit_page(
    lighthouse: Path, url: str, runs: int, reports: Path | None = None
) -> dict[str, Any]:
    """Audit `url` `runs` times; keep the run with the median performance score.

    With `reports`, every run's full report is kept in that directory, named after the
    page's last path segment.
    """
    slug = url.split("//", 1)[-1].rstrip("/").partition("/")[2].rsplit("/", 1)[-1] or "home"
    results = [
        lighthouse_once(lighthouse, url, reports / f"{slug}-{i}.json" if reports else None)
        for i in range(runs)
    ]
    scores = [r["performance"] for r in results]
    median = statistics.median_low(scores)
    kept = dict(results[scores.index(median)])
    kept["performance_runs"] = scores
    return kept


def table(pages: dict[str, dict[str, Any]]) -> str:
    """The scores as a Markdown table (the README quotes it)."""
    lines = [
        "| page | performance | accessibility | transferred | LCP | TBT |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in pages.items():
        lines.append(
            f"| {name} | {r['performance']:.2f} | {r['accessibility']:.2f} "
            f"| {r['transferred_bytes'] / 1024:.0f} KB | {r['lcp_ms'] / 1000:.1f} s "
            f"| {r['tbt_ms']} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    """Audit the pages and write the JSON file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument(
        "--lighthouse", type=Path, default=Path(".cache/audit/node_modules/.bin/lighthouse")
    )
    parser.add_argument("--out", type=Path, default=Path(".cache/audit.json"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--page",
        action="append",
        choices=sorted(PAGES),
        help="audit only this page (repeatable); default: every page",
    )
    parser.add_argument(
        "--reports", type=Path, help="keep every run's full Lighthouse JSON in this directory"
    )
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html is missing: build the site first (make docs)")
    if not args.lighthouse.is_file():
        raise SystemExit(f"{args.lighthouse} is missing: `make audit` installs it")
    if not os.environ.get("CHROME_PATH"):
        chromium = shutil.which("chromium")
        if chromium is None:
            raise SystemExit("no chromium on PATH and CHROME_PATH is not set")
        os.environ["CHROME_PATH"] = chromium
    pages: dict[str, dict[str, Any]] = {}
    with serving(args.site) as base:
        for name in args.page or PAGES:
            path = PAGES[name]
            print(f"lighthouse: {name} ({args.runs} runs)", file=sys.stderr, flush=True)
            result = audit_page(args.lighthouse, base + path, args.runs, args.reports)
            pages[name] = {"path": path, **result}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(pages, indent=2) + "\n", encoding="utf-8")
    print(table(pages))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
