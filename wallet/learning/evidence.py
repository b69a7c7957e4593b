"""Evidence files: what a PDF, PNG or JPEG must look like before it is stored.

The type is read from the content — magic bytes, then the structure behind them — never taken from the declared
`Content-Type` alone: a declared type that the content contradicts is refused, like a file whose structure is
broken. The checks are deliberately shallow (no rendering, no decompression): enough to refuse what is not the
file it claims to be, cheap enough to run on every upload.
"""

from __future__ import annotations

import re
import struct
import zlib
from typing import Final

from wallet.learning.errors import EvidenceMalformed, EvidenceTypeRefused

PDF: Final = "application/pdf"
PNG: Final = "image/png"
JPEG: Final = "image/jpeg"
EVIDENCE_MEDIA_TYPES: Final = (PDF, PNG, JPEG)
EXTENSIONS: Final = {PDF: "pdf", PNG: "png", JPEG: "jpg"}
GENERIC_TYPES: Final = frozenset({"", "application/octet-stream"})
"""Declared types that say nothing: the content decides alone."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
_PDF_TRAILER_WINDOW = 2048
# PNG (ISO/IEC 15948 §11.2.2): the bit depths allowed for each colour type.
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}
_MAX_DIMENSION = 100_000
# JPEG (ITU-T T.81 Table B.1): start-of-frame markers (not DHT C4, JPG C8, DAC CC) and stand-alone markers.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8)})
_SOS, _EOI = 0xDA, 0xD9


def sniff(content: bytes) -> str | None:
    """The evidence type the magic bytes announce, or None."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(_PNG_SIGNATURE):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    return None


def check_evidence(content: bytes, declared: str) -> str:
    """The media type of `content` once its structure checks out; refuses a declared type that is not one of ours
    (`EvidenceTypeRefused`), content that is none of them (`EvidenceTypeRefused`), content of another type than
    declared or with a broken structure (`EvidenceMalformed`)."""
    declared = declared.split(";", 1)[0].strip().lower()
    if declared == "image/jpg":  # a common misspelling of image/jpeg
        declared = JPEG
    if declared not in GENERIC_TYPES and declared not in EVIDENCE_MEDIA_TYPES:
        raise EvidenceTypeRefused(f"{declared} is not an evidence type we take; send a PDF, PNG or JPEG file.")
    if not content:
        raise EvidenceMalformed("The file is empty.", code="evidence_empty")
    found = sniff(content)
    if found is None:
        raise EvidenceTypeRefused("The file's content is not a PDF, PNG or JPEG file.")
    if declared not in GENERIC_TYPES and declared != found:
        raise EvidenceMalformed(
            f"The file was sent as {declared} but its content is {found}.", code="evidence_type_mismatch"
        )
    {PDF: _check_pdf, PNG: _check_png, JPEG: _check_jpeg}[found](content)
    return found


def _check_pdf(content: bytes) -> None:
    # ISO 32000-1 §7.5.2: the header `%PDF-1.n` (2.0 in ISO 32000-2); §7.5.5: the last line is `%%EOF`. Writers
    # may append a few bytes after it, so it is looked for near the end rather than at the very end.
    if not _PDF_HEADER.match(content):
        raise EvidenceMalformed("The PDF header is not `%PDF-` followed by a version.", code="evidence_malformed")
    if b"%%EOF" not in content[-_PDF_TRAILER_WINDOW:]:
        raise EvidenceMalformed("The PDF has no `%%EOF` marker at its end (truncated?).", code="evidence_malformed")


def _check_png(content: bytes) -> None:
    """Walk every chunk (ISO/IEC 15948 §5.3): lengths in bounds, CRCs right, IHDR first and sane, IEND last."""
    position, first, ended = len(_PNG_SIGNATURE), True, False
    while position < len(content):
        if ended:
            raise EvidenceMalformed("The PNG has data after its IEND chunk.")
        if position + 12 > len(content):
            raise EvidenceMalformed("The PNG ends inside a chunk header (truncated?).")
        (length,) = struct.unpack_from(">I", content, position)
        kind = content[position + 4 : position + 8]
        data_end = position + 8 + length
        if length > 0x7FFFFFFF or data_end + 4 > len(content):
            raise EvidenceMalformed("A PNG chunk runs past the end of the file (truncated?).")
        (crc,) = struct.unpack_from(">I", content, data_end)
        if zlib.crc32(content[position + 4 : data_end]) != crc:
            raise EvidenceMalformed("A PNG chunk fails its CRC check.")
        if first:
            if kind != b"IHDR" or length != 13:
                raise EvidenceMalformed("The PNG does not start with its IHDR header chunk.")
            width, height, depth, colour = struct.unpack_from(">IIBB", content, position + 8)
            if not (0 < width <= _MAX_DIMENSION and 0 < height <= _MAX_DIMENSION):
                raise EvidenceMalformed("The PNG's width or height is zero or implausibly large.")
            if depth not in _PNG_DEPTHS.get(colour, set()):
                raise EvidenceMalformed("The PNG's colour type and bit depth do not go together.")
            first = False
        elif kind == b"IEND":
            ended = True
        position = data_end + 4
    if not ended:
        raise EvidenceMalformed("The PNG has no IEND chunk (truncated?).")


def _check_jpeg(content: bytes) -> None:
    """Walk the marker segments up to the scan (ITU-T T.81 §B.1): a frame header with real dimensions must come
    before it, and the file must end with the end-of-image marker."""
    position, frame = 2, False
    while True:
        marker, position = _next_marker(content, position)
        if marker in _STANDALONE_MARKERS:
            continue
        if marker in (_EOI, 0x00):
            raise EvidenceMalformed("The JPEG ends before its image data.")
        if position + 2 > len(content):
            raise EvidenceMalformed("The JPEG ends inside a segment header.")
        (length,) = struct.unpack_from(">H", content, position)
        if length < 2 or position + length > len(content):
            raise EvidenceMalformed("A JPEG segment runs past the end of the file (truncated?).")
        if marker in _SOF_MARKERS:
            if length < 8:
                raise EvidenceMalformed("The JPEG frame header is too short.")
            height, width, components = struct.unpack_from(">HHB", content, position + 3)
            if height == 0 or width == 0 or components == 0:
                raise EvidenceMalformed("The JPEG's width, height or component count is zero.")
            frame = True
        if marker == _SOS:
            break
        position += length
    if not frame:
        raise EvidenceMalformed("The JPEG has no frame header before its image data.")
    if not content.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9"):
        raise EvidenceMalformed("The JPEG does not end with its end-of-image marker (truncated?).")


def _next_marker(content: bytes, position: int) -> tuple[int, int]:
    """The marker at `position` and the position after it, skipping fill bytes (§B.1.1.2)."""
    if position + 2 > len(content) or content[position] != 0xFF:
        raise EvidenceMalformed("The JPEG's marker segments are broken (truncated?).")
    while position < len(content) and content[position] == 0xFF:
        position += 1
    if position >= len(content):
        raise EvidenceMalformed("The JPEG ends inside a marker.")
    return content[position], position + 1


_UNSAFE_FILENAME = re.compile(r"[\x00-\x1f\x7f/\\\"]+")


def clean_filename(name: str | None, media_type: str) -> str:
    """A display name without paths, quotes or control characters, at most 200 characters, with the extension of
    the type the content has."""
    base = _UNSAFE_FILENAME.sub("_", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(" ._")
    base = re.sub(r"[\ud800-\udfff]", "_", base)
    extension = EXTENSIONS[media_type]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[: 200 - len(extension) - 1] or "evidence"
    return f"{stem}.{extension}"
