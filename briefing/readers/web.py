"""Web pages named by their address: fetched once, kept as a file of the run, read as HTML.

A page is fetched with a time limit and a size limit, following redirects; its text is
decoded by the charset the server declares, else the one the page declares in its meta
tag, else by detection. Every failure is an error naming the address. The address stays
with the page: it is the source link in the deck.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from ..errors import InputError

TIMEOUT_S = 20
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; briefing report reader)"
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def is_address(text: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]+", text, re.I))


def file_name(url: str) -> str:
    """A file name that says where a page came from: www.example.cn_news_1.html."""
    parsed = urlparse(url)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{parsed.hostname or 'page'}{parsed.path}").strip("_")[:120]
    return stem if stem.lower().endswith((".html", ".htm")) else f"{stem}.html"


def fetch(url: str, folder: Path) -> Path:
    """Fetch ``url`` into ``folder`` as UTF-8 HTML; :class:`InputError` on any failure."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            declared = response.headers.get_content_charset()
            kind = response.headers.get_content_type()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch (HTTP {exc.code} {exc.reason})", url) from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch ({exc.reason})", url) from None
    except (TimeoutError, OSError) as exc:
        raise InputError(f"cannot fetch ({exc})", url) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"page larger than {MAX_BYTES // (1024 * 1024)} MB", url)
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InputError(f"not a web page ({kind})", url)
    text = _decode(data, declared)
    path = folder / file_name(url)
    path.write_text(text, "utf-8")
    return path


def _decode(data: bytes, declared: str | None) -> str:
    meta = _META_CHARSET_RE.search(data[:4096])
    for encoding in (declared, meta.group(1).decode("ascii") if meta else None):
        if encoding:
            try:
                return data.decode(_standard(encoding))
            except (LookupError, UnicodeDecodeError):
                continue
    from ..reader import decode_bytes

    return decode_bytes(data, Path("page"))[0]


def _standard(encoding: str) -> str:
    """gb2312 and gbk pages hold GB18030 characters in practice."""
    return "gb18030" if encoding.lower().replace("-", "") in ("gb2312", "gbk", "gb18030") else encoding
