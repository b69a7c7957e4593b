"""The manifest, as a model (what an import validates against) and as the JSON Schema (Draft 2020-12) generated from
it, shipped in every export and in docs/ (`python -m wallet.export.schema` writes both copies; a test checks them)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from wallet.export.errors import ArchiveInvalid

SCHEMA_PATH = Path(__file__).with_name("manifest.schema.json")
DOCS_COPY = Path(__file__).parents[2] / "docs" / "wallet-export-manifest.schema.json"
SCHEMA_ID = "https://passerelle.invalid/schemas/wallet-export-manifest-1.json"
PATH_PATTERN = r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$"
Count = Annotated[int, Field(ge=0)]


class ManifestFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: Annotated[str, StringConstraints(pattern=PATH_PATTERN, max_length=255)] = Field(
        description="The file's name in the ZIP: a plain relative path."
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the file's bytes, lower-case hex."
    )
    size: Count = Field(description="The file's size in bytes.")
    media_type: Annotated[str, StringConstraints(max_length=127)]


class ManifestCounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    credentials: Count
    shares: Count
    share_items: Count
    access_log: Count
    learning_entries: Count
    evidence: Count
    endorsements: Count


class Manifest(BaseModel):
    """manifest.json at the root of a wallet export ZIP: what the archive holds, how many of each, and the SHA-256 of
    every other file in it. See docs/data-lifecycle.md."""

    model_config = ConfigDict(extra="forbid", title="Passerelle wallet export manifest, format version 1")

    format: Literal["passerelle-wallet-export"]
    format_version: Literal[1]
    exported_at: datetime = Field(description="When the export was made (UTC, RFC 3339).")
    source: Annotated[str, StringConstraints(max_length=2048)] = Field(
        description="The public URL of the Passerelle that made it."
    )
    counts: ManifestCounts
    files: list[ManifestFile] = Field(max_length=20_000)


def schema_document() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **Manifest.model_json_schema(mode="validation"),
    }


def render_schema() -> bytes:
    return (json.dumps(schema_document(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()


def validate_manifest(manifest: Any) -> Manifest:
    try:
        return Manifest.model_validate(manifest)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(part) for part in first["loc"]) or "(root)"
        raise ArchiveInvalid(f"manifest.json does not match its schema at {where}: {first['msg'][:200]}") from exc


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for target in (SCHEMA_PATH, DOCS_COPY):
        target.write_bytes(render_schema())
        sys.stdout.write(f"wrote {target}\n")
