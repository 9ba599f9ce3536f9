"""An article's text with its layers marked: escaped text pieces wrapped in one element per layer.

Layers overlap (a name inside a quote, a quote across a date), so the text is cut at
every boundary and each piece is wrapped in the layers that cover it, the widest
outermost. Every piece carries its layer's ``data-start``/``data-end`` (the offsets in
the article) and ``data-mark`` (which mark it belongs to), so a page or a test can check
``text[start:end]`` against what is shown. Only ``markupsafe.escape`` ever turns
article text into markup.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked span: its offsets, its CSS classes, a hover title, and where it links to (a local path)."""

    start: int
    end: int
    classes: str
    title: str = ""
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())


def actor_href(name: str) -> str:
    """The actor page's path for ``name`` (every character that is not plain is percent-encoded)."""
    return "/actor/" + quote(name, safe="")


def _open(mark: Mark, n: int, link: bool) -> str:
    tag = "a" if link else "span"
    parts = [f'<{tag} class="{escape(mark.classes)}" data-mark="{n}" data-start="{mark.start}" '
             f'data-end="{mark.end}"']
    if mark.title:
        parts.append(f' title="{escape(mark.title)}"')
    if link and mark.href:
        parts.append(f' href="{escape(mark.href)}"')
    parts.extend(f' data-{escape(k)}="{escape(v)}"' for k, v in mark.attrs)
    return "".join(parts) + ">"


def highlight(text: str, marks: list[Mark], offset: int = 0) -> Markup:
    """``text`` (which starts at ``offset`` in its article) as markup, with ``marks`` wrapped around their spans.

    Marks that fall outside the text, or are empty, are left out.
    """
    end_of_text = offset + len(text)
    spans = [(n, m) for n, m in enumerate(marks) if offset <= m.start < m.end <= end_of_text]
    cuts = sorted({offset, end_of_text, *(m.start for _, m in spans), *(m.end for _, m in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = str(escape(text[a - offset:b - offset]))
        covering = sorted(((n, m) for n, m in spans if m.start <= a and b <= m.end),
                          key=lambda nm: (nm[1].start - nm[1].end, nm[0]))
        opened: list[str] = []
        linked = False
        for n, m in covering:
            link = m.href is not None and not linked
            linked = linked or link
            out.append(_open(m, n, link))
            opened.append("a" if link else "span")
        out.append(piece)
        out.extend(f"</{tag}>" for tag in reversed(opened))
    return Markup("".join(out))
