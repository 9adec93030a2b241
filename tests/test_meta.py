"""Every page describes itself: a `<meta name="description">` of its own.

What a search engine shows under the page's title: one sentence (front matter
`description:`, or a notebook's metadata), at most 160 characters, not the site's
default and not another page's.
"""

from __future__ import annotations

import html
from pathlib import Path

from tests.test_site import site_files, tags

MAX_LENGTH = 160


def description(page: Path) -> str | None:
    found = [
        a.get("content", "")
        for _, a in tags(page.read_text(encoding="utf-8"), "meta")
        if a.get("name") == "description"
    ]
    return html.unescape(found[0]).strip() if found else None


def test_every_page_has_its_own_description(site: Path) -> None:
    # The 404 page has the site's description, as a page without its own would.
    default = description(site / "404.html")
    assert default, "the site has no default description (site_description)"
    pages = [p for p in site_files(site, ".html") if p.name == "index.html"]
    assert len(pages) > 20
    seen: dict[str, str] = {}
    problems = []
    for page in pages:
        where = page.parent.relative_to(site).as_posix()
        text = description(page)
        if not text or text == default:
            problems.append(f"{where}: no description of its own")
            continue
        if len(text) > MAX_LENGTH:
            problems.append(f"{where}: {len(text)} characters (at most {MAX_LENGTH})")
        if text in seen:
            problems.append(f"{where}: the same description as {seen[text]}")
        seen[text] = where
    assert not problems, "\n".join(problems)
