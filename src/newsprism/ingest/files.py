"""Reading raw inputs safely: size limits, gzip, binary sniffing and text decoding."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import re
import zlib
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

# Markup carries several bytes of tags per byte of text: accept raw files this much larger
# than the text limit before extraction, then apply the limit to the extracted text.
MARKUP_FACTOR = 20
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Tie-breaking order for detection: single-byte news encodings by how common they are.
_COMMON = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2")
_ID_SAFE = re.compile(r"^[\w.:-]{1,120}$")


def is_gzip(path: Path) -> bool:
    """True when the file name says the file is gzip-compressed."""
    return path.suffix.lower() == ".gz"


def open_binary(path: Path):
    """Open a file for binary reading, decompressing `.gz` transparently."""
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def read_capped(path: Path, limit_bytes: int) -> bytes:
    """Read a whole (possibly gzipped) file, refusing one larger than the limit."""
    if not is_gzip(path) and path.stat().st_size > limit_bytes:
        raise InputError(path, f"file is larger than the limit of {limit_bytes:,} bytes "
                               f"(raise it with --max-text-mb)")
    try:
        with open_binary(path) as fh:
            data = fh.read(limit_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(path, f"cannot read file: {exc}") from exc
    if len(data) > limit_bytes:
        raise InputError(path, f"file is larger than the limit of {limit_bytes:,} bytes "
                               f"(raise it with --max-text-mb)")
    return data


def looks_binary(data: bytes) -> bool:
    """Heuristic: NUL bytes or many control characters in the first 8 KB mean binary."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, path, forced: str = "", declared: str | None = None, where=None) -> str:
    """Decode bytes: a forced encoding, else a BOM, UTF-8, a declared encoding, then detection."""
    if forced:
        return _decode_with(data, forced, path, where)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, name, path, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = _detect(data)
    if best is None:
        raise InputError(path, "text is not UTF-8 and its encoding could not be detected "
                               "(set it with --encoding)", where)
    return str(best)


def _detect(data: bytes):
    """The detector's best guess; among equally good guesses, the most widespread encoding."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = (matches[0].percent_chaos, -matches[0].percent_coherence)
    tied = [m for m in matches if (m.percent_chaos, -m.percent_coherence) == best]
    ranked = sorted(tied, key=lambda m: _COMMON.index(m.encoding) if m.encoding in _COMMON else 99)
    return ranked[0]


def _decode_with(data: bytes, encoding: str, path, where) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise InputError(path, f"unknown encoding {encoding!r}", where) from exc
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid {encoding}: {exc.reason} at byte {exc.start}", where) from exc


def check_text(text: str, path, limit_chars: int, where=None) -> str:
    """Reject empty and oversized texts with a clear reason; return the text unchanged."""
    if not text.strip():
        raise InputError(path, "no text (the input is empty)", where)
    if len(text) > limit_chars:
        raise InputError(path, f"text has {len(text):,} characters, over the limit of "
                               f"{limit_chars:,} (raise it with --max-text-mb)", where)
    if "\x00" in text:
        raise InputError(path, "text contains NUL characters (binary data?)", where)
    return text


def normalize_date(value) -> str | None:
    """An ISO 8601 date or datetime string from common date forms, or None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for parse in (_iso, _rfc822):
        parsed = parse(text)
        if parsed is not None:
            return parsed
    return None


def _iso(text: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _rfc822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def stable_id(key: str, prefix: str = "") -> str:
    """A readable id when the key is already one, else a short hash of it."""
    if _ID_SAFE.match(key) and not key.startswith(("http:", "https:")):
        return key
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
