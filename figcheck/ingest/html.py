"""HTML and Markdown to text: the article's main text (trafilatura), image captions marked."""
from __future__ import annotations

import re

from figcheck.ingest.base import CAPTION_MARK


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------
def _mark_figcaptions(html: str) -> str:
    """HTML with every <figcaption> turned into a paragraph whose text starts with CAPTION_MARK.

    trafilatura drops figure captions, but captions carry figures; the mark survives extraction
    and tells the line classifier the line is a caption.
    """
    if "figcaption" not in html.lower():
        return html
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for cap in list(tree.iter("figcaption")):
        text = " ".join(cap.text_content().split())
        figure = next((a for a in cap.iterancestors("figure")), None)
        para = lxml.html.Element("p")
        para.text = CAPTION_MARK + text
        if figure is not None and figure.getparent() is not None:
            figure.addnext(para)       # trafilatura drops <figure> content: move the caption out
            cap.drop_tree()
        else:
            cap.getparent().replace(cap, para)
    return lxml.html.tostring(tree, encoding="unicode")


def _html_fallback_text(html: str) -> str:
    """Visible text of an HTML page (scripts, styles and attributes dropped), one block per line."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//svg|//head|//nav|//footer"):
        bad.drop_tree()
    blocks = []
    for el in tree.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "td", "pre"):
        txt = " ".join(el.text_content().split())
        if txt:
            blocks.append(txt)
    return "\n".join(blocks)


def extract_html_article(html: str) -> dict:
    """Main text and metadata of a news page: {text, title, date, sitename, url}.

    Uses trafilatura (no network, no date guessing from today's date); falls back to the page's
    visible block text when trafilatura finds no main text. Scripts, styles and attributes such as
    <img onerror=...> never reach the text.
    """
    import trafilatura

    marked = _mark_figcaptions(html)
    doc = trafilatura.bare_extraction(
        marked, with_metadata=True, include_comments=False, include_images=False, include_tables=True,
        include_links=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": "2099-12-31", "outputformat": "%Y-%m-%d"},
    )
    meta = {"text": "", "title": "", "date": "", "sitename": "", "url": ""}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        for key in meta:
            meta[key] = (d.get(key) or "").strip() if isinstance(d.get(key), str) else ""
    if not meta["text"].strip():
        meta["text"] = _html_fallback_text(marked)
    return meta


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown article: heading marks, emphasis, link and image syntax removed.

    Works line by line and keeps the number of lines, so boilerplate line numbers still point
    at the raw file.
    """
    text = re.sub(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)", r"\1", text)      # image -> alt text
    text = re.sub(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)", r"\1", text)        # link -> its text
    text = re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", "", text)                     # heading marks
    text = re.sub(r"(?m)^[ \t]{0,3}>[ \t]?", "", text)                          # block quotes
    text = re.sub(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1", r"\2", text)      # bold
    return text
