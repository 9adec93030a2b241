"""MkDocs hook: the References page, built from the citations on the pages.

Pages cite with Markdown footnotes, ``[^key]: citation``. The References page
(``REFERENCES``) has one entry per key: a heading with the id ``ref-<key>``, a sentence on
what the guide takes from the work, and a marker ``<!-- cited: key -->``. This hook

* replaces each marker with the citation as the pages give it and links to every page
  that cites the key (read from the Markdown sources, so the list cannot go stale);
* adds to each footnote on the other pages a link to its entry on the References page.

A key cited on a page but missing from the References page, a marker for a key no page
cites, or a key that names two different works fails the build (``PluginError``); the
tests check the same from the sources.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

REFERENCES = "use-it/references.md"
FOOTNOTE = re.compile(r"^\[\^([A-Za-z0-9_-]+)\]:[ \t]*(.*(?:\n(?: {4}.*|[ \t]*))*)", re.M)
MARKER = re.compile(r"<!-- cited: ([A-Za-z0-9_-]+) -->")
ENTRY = re.compile(r"\{ #ref-([A-Za-z0-9_-]+) \}")
TITLE = re.compile(r"^# (.+)$", re.M)
TITLED = re.compile(r'"[^"]+"|\*[^*]+\*')  # a quoted title, or an italic one
BACKREF = re.compile(
    r'(<li id="fn:([A-Za-z0-9_-]+)">.*?)(&#160;)?(<a class="footnote-backref")', re.S
)

_citations: dict[str, dict[str, Any]] = {}


def work(text: str) -> str:
    """The part of a citation that names the work: its authors and its title.

    Pages may add their own notes to a citation (a chapter, a script in the paper's code)
    and format the venue differently; the same key must still name the same work.

    Examples:
        >>> work('R. Zhang, "Making CNNs shift-invariant again", ICML, 2019.')
        'R. Zhang, "Making CNNs shift-invariant again"'
        >>> work("A. V. Oppenheim, *Signals and Systems*, 2nd ed., ch. 2.")
        'A. V. Oppenheim, *Signals and Systems*'
    """
    title = TITLED.search(text)
    return text[: title.end()] if title else text


def citations(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """Every footnote key of the Markdown pages: its citation and the pages that cite it.

    Args:
        docs_dir: The documentation directory.

    Returns:
        ``{key: {"text": citation, "pages": [(path, title), ...]}}``, pages sorted by path.
        The text is the one most pages give (the first of those in path order).

    Raises:
        PluginError: If one key names two different works (``work``).
    """
    texts: dict[str, list[str]] = {}
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        relative = path.relative_to(docs_dir).as_posix()
        if relative == REFERENCES:
            continue
        title = TITLE.search(source)
        name = title.group(1).strip() if title else relative
        for match in FOOTNOTE.finditer(source):
            key, text = match.group(1), " ".join(match.group(2).split())
            entry = found.setdefault(key, {"text": text, "pages": []})
            if work(entry["text"]).casefold() != work(text).casefold():
                raise PluginError(
                    f"footnote [^{key}] names two works: {entry['pages'][0][0]} gives "
                    f"{work(entry['text'])!r}, {relative} gives {work(text)!r}"
                )
            entry["pages"].append((relative, name))
            texts.setdefault(key, []).append(text)
    for key, entry in found.items():
        entry["text"] = max(texts[key], key=texts[key].count)  # the first of the most common
    return found


def on_files(files: Files, config: Any) -> Files:
    """Read the citations once per build."""
    _citations.clear()
    _citations.update(citations(Path(config["docs_dir"])))
    return files


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    """On the References page, fill in each entry's citation and the pages citing it."""
    if page.file.src_uri != REFERENCES:
        return markdown
    entries = set(ENTRY.findall(markdown))
    missing = sorted(set(_citations) - entries)
    if missing:
        raise PluginError(f"{REFERENCES} has no entry (a heading {{ #ref-<key> }}) for {missing}")
    here = posixpath.dirname(REFERENCES)

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in _citations:
            raise PluginError(f"{REFERENCES} has a marker for [^{key}], which no page cites")
        cited = _citations[key]
        links = ", ".join(
            f"[{title}]({posixpath.relpath(path, here)})" for path, title in cited["pages"]
        )
        # Classes (attr_list) let extra.css set the entry compactly: a list, not a chapter.
        return (
            f"{cited['text']}\n{{ .shiftlab-citation }}\n\n"
            f"Cited on: {links}.\n{{ .shiftlab-cited-on }}"
        )

    return MARKER.sub(fill, markdown)


def on_page_content(html: str, page: Page, config: Any, files: Files) -> str:
    """Give every footnote that cites a work a link to its References entry."""
    if page.file.src_uri == REFERENCES or 'class="footnote"' not in html:
        return html
    target = get_relative_url("use-it/references/", page.url)

    def link(match: re.Match[str]) -> str:
        head, key, space, backref = match.groups()
        if key not in _citations:
            return match.group(0)
        anchor = f'<a class="ref-link" href="{target}#ref-{key}">all references</a>'
        return f"{head}&#160;{anchor}{space or ''}{backref}"

    return BACKREF.sub(link, html)
