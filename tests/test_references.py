"""The References page lists every work the pages cite, and the footnotes link to it.

The hook `tools/mkdocs_references.py` fills the page at build time; these tests check its
inputs from the sources (every cited key has an entry, every entry is cited, one text per
key) and its two rewrites on small inputs.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from tests.snippet_runner import ROOT
from tests.tool_loader import load_tool

DOCS = ROOT / "docs"


def _hook() -> ModuleType:
    return load_tool("mkdocs_references")


hook = _hook()
PAGE = (DOCS / hook.REFERENCES).read_text(encoding="utf-8")


def _page(src_uri: str, url: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


def test_every_cited_work_has_an_entry_and_every_entry_is_cited() -> None:
    cited = hook.citations(DOCS)
    entries = set(hook.ENTRY.findall(PAGE))
    markers = hook.MARKER.findall(PAGE)
    assert len(cited) >= 30  # the pages cite about 34 works
    assert sorted(cited) == sorted(entries)
    assert sorted(markers) == sorted(entries)  # one marker per entry, no duplicates


def test_a_key_for_two_works_fails_and_page_notes_do_not(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text('# A\n\n[^k]: A. B, "One", 2020, ch. 1.\n', encoding="utf-8")
    (tmp_path / "b.md").write_text('# B\n\n[^k]: A. B, "One", 2020, ch. 2.\n', encoding="utf-8")
    assert hook.citations(tmp_path)["k"]["pages"] == [("a.md", "A"), ("b.md", "B")]
    (tmp_path / "c.md").write_text('# C\n\n[^k]: A. B, "Two", 2021.\n', encoding="utf-8")
    with pytest.raises(PluginError, match=r"\[\^k\] names two works"):
        hook.citations(tmp_path)


def test_the_markers_become_the_citation_and_the_pages_citing_it(tmp_path: Path) -> None:
    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "p.md").write_text(
        "# A page\n\nText.[^k]\n\n[^k]: A. Author, *A title*,\n    2020.\n", encoding="utf-8"
    )
    hook._citations.clear()
    hook._citations.update(hook.citations(tmp_path))
    markdown = "### A title { #ref-k }\n\n<!-- cited: k -->\n"
    out = hook.on_page_markdown(markdown, _page(hook.REFERENCES, "use-it/references/"), {}, None)
    citation = "A. Author, *A title*, 2020.\n{ .shiftlab-citation }"
    assert f"{citation}\n\nCited on: [A page](../part/p.md)." in out
    with pytest.raises(PluginError, match="no entry"):
        hook.on_page_markdown("nothing", _page(hook.REFERENCES, "use-it/references/"), {}, None)
    stale = markdown + "### Other { #ref-other }\n\n<!-- cited: other -->\n"
    with pytest.raises(PluginError, match="no page cites"):
        hook.on_page_markdown(stale, _page(hook.REFERENCES, "use-it/references/"), {}, None)


def test_each_footnote_links_to_its_entry() -> None:
    hook._citations.clear()
    hook._citations.update({"zhang": {"text": "R. Zhang", "pages": []}})
    html = (
        '<div class="footnote"><ol><li id="fn:zhang"><p>R. Zhang.&#160;'
        '<a class="footnote-backref" href="#fnref:zhang">&#8617;</a></p></li>'
        '<li id="fn:other"><p>Not a work.&#160;'
        '<a class="footnote-backref" href="#fnref:other">&#8617;</a></p></li></ol></div>'
    )
    out = hook.on_page_content(html, _page("through-a-cnn/x.md", "through-a-cnn/x/"), {}, None)
    link = '<a class="ref-link" href="../../use-it/references/#ref-zhang">all references</a>'
    assert out.count(link) == 1
    assert re.search(r"R\. Zhang\.&#160;<a class=\"ref-link\"", out)
    assert 'href="#fnref:other"' in out  # unknown keys untouched
    assert "ref-other" not in out
    home = hook.on_page_content(html, _page("index.md", ""), {}, None)
    assert 'href="use-it/references/#ref-zhang"' in home
