"""Generate the API clients from `openapi/openapi.json` (`make clients`), or check the committed ones (`--check`).

- `clients/python/`: a typed Python package, `passerelle_client`, from openapi-python-client with the options pinned
  in `clients/openapi-python-client.yaml`;
- `clients/typescript/passerelle.d.ts`: TypeScript types from openapi-typescript, pinned with the tool itself by
  `clients/typescript/package.json` and `package-lock.json` (`npm ci --prefix clients/typescript` installs it).

openapi-python-client names a model after its schema's `title`. FastAPI gives two schemas the same title when two
modules define a model with the same name (`wallet__summary__model__LearningOutcome` and
`wallet__learning__schemas__LearningOutcome-Output`) and when a model differs between request and response
(`OutcomeIn-Input` / `OutcomeIn-Output`); the generator then drops both schemas and every operation that uses them.
So the generator reads a copy of the document in which each such title is replaced by its schema's unique key; the
committed document is not changed.

    python clients/generate.py                 regenerate clients/python and clients/typescript/passerelle.d.ts
    python clients/generate.py --output DIR    write DIR/python and DIR/typescript/passerelle.d.ts instead
    python clients/generate.py --check         fail if the committed clients differ from freshly generated ones
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

CLIENTS = Path(__file__).resolve().parent
ROOT = CLIENTS.parent
DOCUMENT = ROOT / "openapi" / "openapi.json"
PYTHON_CONFIG = CLIENTS / "openapi-python-client.yaml"
TYPESCRIPT_TOOLS = CLIENTS / "typescript"
TYPESCRIPT_FILE = "passerelle.d.ts"
# Written by the generators, never by hand: what --check compares.
GENERATED = ("python", f"typescript/{TYPESCRIPT_FILE}")
UNSET_IMPORT = "from ...types import Response, UNSET"


def _is_bytes(media: dict[str, Any]) -> bool:
    schema = media.get("schema", {})
    return bool(schema.get("type") == "string" and schema.get("format") == "binary")


def for_python_generator(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` the Python generator reads without dropping anything (see the module docstring)."""
    document = json.loads(json.dumps(document))
    schemas: dict[str, dict[str, Any]] = document.get("components", {}).get("schemas", {})
    counts = Counter(schema.get("title", key) for key, schema in schemas.items())
    for key, schema in schemas.items():
        if counts[schema.get("title", key)] > 1:
            schema["title"] = key
    # A body taken as exact bytes in any of several media types (a credential upload) is one `File` for the client,
    # sent with the media type the caller gives it; the generator would otherwise emit one identical `File` per type.
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content") if isinstance(operation, dict) else None
            if content and sum(map(_is_bytes, content.values())) > 1:
                kept = {media_type: media for media_type, media in content.items() if not _is_bytes(media)}
                operation["requestBody"]["content"] = {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                    **kept,
                }
    return document


def _executable(name: str) -> str:
    """A tool installed next to this interpreter (the project's venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: run `make install-dev`")
    return found


def generate_python(output: Path) -> None:
    """openapi-python-client into `output` (replaced), then ruff in isolation so the result depends on nothing around
    it (the generator's own post-hooks would pick up the surrounding project's ruff settings)."""
    with tempfile.TemporaryDirectory() as scratch:
        document = Path(scratch) / "openapi.json"
        document.write_text(json.dumps(for_python_generator(json.loads(DOCUMENT.read_text("utf-8")))), "utf-8")
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                _executable("openapi-python-client"),
                "generate",
                "--path",
                str(document),
                "--config",
                str(PYTHON_CONFIG),
                "--meta",
                "pdm",
                "--output-path",
                str(output),
                "--fail-on-warning",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    _import_unset(output)
    ruff = _executable("ruff")
    isolated = ["--isolated", "--target-version", "py311", "--line-length", "120"]
    subprocess.run([ruff, "check", *isolated, "--select", "I,F401", "--fix-only", "--quiet", str(output)], check=True)
    subprocess.run([ruff, "format", *isolated, "--quiet", str(output)], check=True)


def _import_unset(output: Path) -> None:
    """Import `Unset` where the generator uses it without importing it: openapi-python-client 0.29's template for an
    operation with several request body types annotates `body: ... | Unset = UNSET` but imports only `UNSET`."""
    for module in output.rglob("*.py"):
        code = module.read_text("utf-8")
        if "| Unset = UNSET" in code and UNSET_IMPORT in code:
            module.write_text(code.replace(UNSET_IMPORT, UNSET_IMPORT + ", Unset"), "utf-8")


def generate_typescript(output: Path) -> None:
    """openapi-typescript (the version in clients/typescript/package-lock.json) into `output`."""
    tool = TYPESCRIPT_TOOLS / "node_modules" / ".bin" / "openapi-typescript"
    if not tool.exists():
        raise SystemExit(f"{tool} is missing: run `npm ci --prefix clients/typescript` (or `make clients-deps`)")
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(tool), str(DOCUMENT), "--output", str(output)], check=True, capture_output=True)


def generate(directory: Path) -> None:
    generate_python(directory / "python")
    generate_typescript(directory / "typescript" / TYPESCRIPT_FILE)


def differences(expected: Path, actual: Path) -> list[str]:
    """Paths (relative to the two roots) that are missing from one side or differ in content."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name}" for name in comparison.left_only + comparison.right_only)
        found.extend(f"{prefix}{name}" for name in comparison.diff_files + comparison.funny_files)
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    for entry in GENERATED:
        left, right = expected / entry, actual / entry
        if left.is_dir() and right.is_dir():
            filecmp.clear_cache()
            walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), f"{entry}/")
        elif not (left.is_file() and right.is_file() and filecmp.cmp(left, right, shallow=False)):
            found.append(entry)
    return sorted(found)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=CLIENTS, help="where python/ and typescript/ are written")
    parser.add_argument("--check", action="store_true", help="compare the committed clients with fresh ones")
    arguments = parser.parse_args(argv)
    if not arguments.check:
        generate(arguments.output)
        print(f"wrote {arguments.output / 'python'} and {arguments.output / 'typescript' / TYPESCRIPT_FILE}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        generate(Path(scratch))
        drift = differences(CLIENTS, Path(scratch))
    if drift:
        print("The committed clients differ from openapi/openapi.json; run `make clients`:", file=sys.stderr)
        for path in drift:
            print(f"  clients/{path}", file=sys.stderr)
        return 1
    print("clients/python and clients/typescript match openapi/openapi.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
