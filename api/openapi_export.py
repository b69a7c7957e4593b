"""Write the app's OpenAPI document (`make openapi`) or check the committed one (`--check`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from api.app import create_app
from core.settings import Settings


def render() -> str:
    document: dict[str, Any] = create_app(Settings(docs_enabled=True)).openapi()
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if not a.startswith("--")]
    target = Path(paths[0] if paths else "openapi/openapi.json")
    rendered = render()
    if check:
        if not target.exists() or target.read_text("utf-8") != rendered:
            print(f"{target} differs from the application's OpenAPI document; run `make openapi`.", file=sys.stderr)
            return 1
        print(f"{target} matches the application")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rendered, "utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
