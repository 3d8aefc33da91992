"""HTML mail bodies to plain text, without rendering or fetching anything.

Only text nodes are kept: scripts, styles and the head are dropped, block elements and `<br>`
become line breaks, entities are decoded, and quoted replies (`<blockquote>`, Gmail's
`gmail_quote`, Outlook's reply header) are cut off, since they are not what the customer wrote
this time. The result is plain text and is only ever displayed as plain text.
"""

from __future__ import annotations

import html
import re

_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript", "blockquote"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "table",
        "tr",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "hr",
        "address",
    }
)
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote")
_QUOTE_MARKERS = (*_QUOTE_CLASSES, "divRplyFwdMsg")
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base"})


class _TextCollector:
    """Collects text from a stream of tags and data, dropping skipped and quoted parts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._skip_depth = 0  # >0 while inside a skipped element
        self.stopped = False  # a quoted reply began: ignore everything after it

    def start(self, tag: str, attrs: str) -> None:
        if "=" in attrs:
            classes = " ".join(
                m.group(2) or m.group(3) or m.group(4) or "" for m in _CLASS_OR_ID.finditer(attrs)
            )
            if any(marker in classes for marker in _QUOTE_MARKERS):
                self.stopped = True
                return
        if tag in _VOID:
            if tag in {"br", "hr"}:
                self.parts.append("\n")
            return
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" ")

    def end(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(self._skip_depth - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if self._skip_depth == 0 and data:
            self.parts.append(_SPACES.sub(" ", html.unescape(data)))


_MARKUP = re.compile(r"<!--|<[^<>]*>")  # each try stops at the next "<": linear
_TAG = re.compile(r"(/?)([a-zA-Z][^\s/>]*)([^>]*)")  # matched on one tag's inside only
_CLASS_OR_ID = re.compile(r"""(?<![\w-])(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
_RAW_TEXT = frozenset({"script", "style"})  # their content is not markup


def html_to_text(html_source: str) -> str:
    """Readable plain text from an HTML body, in time linear in its length.

    A small scanner instead of `html.parser`: every search either moves past what it found or
    ends the scan, and a tag is never looked for past the next `<` (`_MARKUP`), so floods of
    `<?`, `</` or `<!--` cannot make it quadratic (CVE-2025-6069 affects the stdlib parser of the
    interpreters this runs on)."""
    collector = _TextCollector()
    source = html_source
    lower = source.lower()
    i, n = 0, len(source)
    text_from = 0  # start of the text not handed to the collector yet
    while i < n and not collector.stopped:
        found = _MARKUP.search(source, i)  # a "<" with no ">" before the next "<" is text
        if found is None:
            break
        lt, end = found.start(), found.end()
        if found.group() == "<!--":
            close = source.find("-->", end)
            end = n if close == -1 else close + 3
        inside = source[lt + 1 : end - 1]
        tag = _TAG.match(inside)
        if tag is None and inside[:1] not in ("!", "?"):
            i = end  # "a < b >": text
            continue
        collector.data(source[text_from:lt])
        i = text_from = end
        if tag is None:  # comment, doctype, declaration, processing instruction
            continue
        name = tag.group(2).lower()
        if tag.group(1):
            collector.end(name)
            continue
        collector.start(name, tag.group(3))
        if name in _RAW_TEXT and not inside.endswith("/"):
            close = lower.find(f"</{name}", i)
            i = text_from = n if close == -1 else close
    if not collector.stopped:
        collector.data(source[text_from:])
    lines = (line.strip() for line in "".join(collector.parts).replace("\xa0", " ").split("\n"))
    text = "\n".join(lines)
    return collapse_blank_lines(text)


def collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, ends stripped (the regex runs only when needed: it
    is slow on a long text without line breaks)."""
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()
