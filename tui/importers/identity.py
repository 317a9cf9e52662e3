"""Who is who: comparable forms of profile URLs and names, and stable import keys.

Stored values are never rewritten; these normalised forms exist only for comparing (is
this sender one of my connections?) and for the ``external_key`` that makes a re-import
add nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from urllib.parse import unquote, urlsplit


def url_key(url: str | None) -> str | None:
    """A profile URL without scheme, ``www.``, query, fragment or trailing slashes.

    The host is compared case-insensitively, the path as written (after percent-decoding):
    ``https://www.Example.com/in/jane-doe/?utm_source=x`` and ``http://example.com/in/jane-doe``
    compare equal.
    """
    if url is None or not url.strip():
        return None
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. an unbalanced "[" in the host
        return text.lower()
    host = host.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    return f"{host}{path}"


def name_key(name: str | None) -> str | None:
    """A name compared without case, width or spacing differences."""
    if name is None:
        return None
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return folded or None


def text_key(text: str | None) -> str | None:
    """A message compared without line-ending or spacing differences."""
    return None if text is None else " ".join(text.split())


def digest(namespace: str, *parts: object) -> str:
    """``namespace:`` plus 128 bits of SHA-256 over the parts (as canonical JSON)."""
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    hashed = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{namespace}:{hashed[:32]}"
