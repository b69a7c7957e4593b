"""The export ZIP: writing it with its manifest, and reading one back without trusting it.

Reading refuses, before anything is decompressed in full: more than `MAX_ENTRIES` entries, more than
`MAX_UNCOMPRESSED_BYTES` in total (counted while reading, not from the headers, which can lie), entry names that are
not plain relative paths (`..`, absolute, backslashes, drive letters), duplicate names and encrypted entries. The
manifest then names every other file with its SHA-256: a file missing, extra or different is `ArchiveTampered`.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core import jsonstrict
from wallet.export.errors import ArchiveInvalid, ArchiveTampered, ArchiveTooLarge, ArchiveUnsafe
from wallet.export.schema import Manifest, validate_manifest

FORMAT = "passerelle-wallet-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "manifest.schema.json"
MAX_ENTRIES = 20_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")
_CHUNK = 1024 * 1024
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # entry times carry nothing: the manifest says when the export was made


@dataclass(frozen=True)
class ExportFile:
    path: str
    content: bytes
    media_type: str


def json_bytes(value: Any) -> bytes:
    return jsonstrict.dumps_compact(value)


def build(files: list[ExportFile], *, exported_at: datetime, counts: dict[str, int], source: str) -> bytes:
    """The ZIP: `manifest.json` first (hashes of every other file), then the files."""
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat().replace("+00:00", "Z"),
        "source": source,
        "counts": counts,
        "files": [
            {
                "path": f.path,
                "sha256": hashlib.sha256(f.content).hexdigest(),
                "size": len(f.content),
                "media_type": f.media_type,
            }
            for f in files
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path, content in ((MANIFEST, json_bytes(manifest)), *((f.path, f.content) for f in files)):
            archive.writestr(zipfile.ZipInfo(path, date_time=_FIXED_TIME), content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _safe_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and all(part not in {".", ".."} for part in name.split("/"))


def _entries(data: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ArchiveInvalid("The file is not a ZIP archive.") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ArchiveTooLarge(f"The archive has more than {MAX_ENTRIES} entries.")
        if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
            raise ArchiveTooLarge()
        files: dict[str, bytes] = {}
        budget = MAX_UNCOMPRESSED_BYTES
        for info in infos:
            if not _safe_name(info.filename.removesuffix("/") if info.is_dir() else info.filename):
                raise ArchiveUnsafe(f"The entry name {info.filename[:100]!r} is not a plain relative path.")
            if info.is_dir():
                continue
            if info.filename in files:
                raise ArchiveUnsafe(f"The entry {info.filename!r} appears twice.")
            if info.flag_bits & 0x1:
                raise ArchiveInvalid("ZIP entry encryption is not supported; use the passphrase container.")
            content = bytearray()
            try:
                with archive.open(info) as handle:
                    while chunk := handle.read(min(_CHUNK, budget + 1)):
                        content.extend(chunk)
                        budget -= len(chunk)
                        if budget < 0:
                            raise ArchiveTooLarge()
            except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError) as exc:
                # zlib errors, CRC mismatches, unsupported compression: the ZIP itself is damaged.
                raise ArchiveTampered(f"The entry {info.filename!r} cannot be read: it is damaged.") from exc
            files[info.filename] = bytes(content)
        return files


def read(data: bytes) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and every file it lists, each checked against its SHA-256 and size."""
    files = _entries(data)
    raw_manifest = files.pop(MANIFEST, None)
    if raw_manifest is None:
        raise ArchiveInvalid("The archive has no manifest.json.")
    document = jsonstrict.loads(raw_manifest)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveInvalid("manifest.json does not describe a Passerelle wallet export.")
    if document.get("format_version") != FORMAT_VERSION:
        raise ArchiveInvalid(f"This service reads export format version {FORMAT_VERSION} only.")
    manifest = validate_manifest(document)
    listed = {entry.path: entry for entry in manifest.files}
    if len(listed) != len(manifest.files):
        raise ArchiveTampered("The manifest lists a file twice.")
    if set(listed) != set(files):
        missing, extra = sorted(set(listed) - set(files)), sorted(set(files) - set(listed))
        raise ArchiveTampered(f"Files missing: {missing[:5]}; files not in the manifest: {extra[:5]}.")
    for path, content in files.items():
        entry = listed[path]
        if entry.size != len(content) or hashlib.sha256(content).hexdigest() != entry.sha256:
            raise ArchiveTampered(f"{path} does not match its SHA-256 in the manifest.")
    return manifest, files
