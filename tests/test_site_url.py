"""The site builds for its published address: `SITE_URL` as the Pages workflow sets it.

The Pages workflow builds with `SITE_URL` set to the address GitHub Pages serves the site
from (a project site lives under a path, `/shiftlab/`). This test builds the same way,
strict, and checks what the setting changes: canonical links and the sitemap point at the
published address, and every other link stays relative, so the site works under a path.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.snippet_runner import ROOT

SITE_URL = "https://example.github.io/shiftlab/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    figures = [sys.executable, "-m", "shiftlab.figures", str(ROOT / "docs" / "figures")]
    subprocess.run(figures, cwd=ROOT, env=env, check=True, capture_output=True)  # skips unchanged
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    done = subprocess.run(build, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def test_canonical_links_point_at_the_published_address(published: Path) -> None:
    page = (published / "through-a-cnn" / "anti-aliasing" / "index.html").read_text("utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    assert canonical is not None
    assert canonical.group(1) == SITE_URL + "through-a-cnn/anti-aliasing/"


def test_the_sitemap_lists_every_page_under_the_published_address(published: Path) -> None:
    sitemap = (published / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = list(published.rglob("index.html"))
    assert len(locations) >= 20
    assert all(loc.startswith(SITE_URL) for loc in locations)
    assert len(locations) <= len(pages)


def test_other_links_stay_relative(published: Path) -> None:
    absolute = []
    for page in published.rglob("*.html"):
        text = page.read_text("utf-8")
        for match in re.finditer(r'<(a|link|script|img)\b[^>]*\b(?:href|src)="([^"]+)"', text):
            tag, url = match.groups()
            if url.startswith(SITE_URL) and not (tag == "link" and "canonical" in match.group(0)):
                absolute.append(f"{page.relative_to(published)}: {match.group(0)[:80]}")
    assert absolute == []
