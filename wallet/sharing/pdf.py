"""The PDF of a share: the released fields only, laid out for printing and filing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF

# A Unicode font when the system has one (Debian: fonts-dejavu-core); else the PDF core font, Latin-1 only.
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def _font(pdf: FPDF) -> tuple[str, bool]:
    for directory in _FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu", True
    return "Helvetica", False


def render_pdf(
    shared_by: str,
    purpose: str,
    link_expires_at: datetime,
    credentials: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str],
    render: Callable[[Any], str],
) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title("Shared credential")
    pdf.set_creator("Passerelle")
    family, unicode = _font(pdf)

    def text(value: str) -> str:
        return value if unicode else value.encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 9, text(f"Shared by {shared_by}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 6, text(f"Purpose: {purpose}"), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, text(f"Link valid until {link_expires_at:%Y-%m-%d %H:%M} UTC."), new_x="LMARGIN", new_y="NEXT")
    for credential in credentials:
        fields: Mapping[str, Any] = credential.get("fields", {})
        pdf.ln(4)
        pdf.set_font(family, "B", 13)
        pdf.multi_cell(0, 8, text(str(fields.get("title") or credential.get("format"))), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10)
        pdf.multi_cell(
            0, 6, text(f"Credential validity: {credential.get('validity', 'unknown')}"), new_x="LMARGIN", new_y="NEXT"
        )
        for name, value in fields.items():
            pdf.set_font(family, "B", 10)
            pdf.multi_cell(0, 6, text(labels.get(name, name)), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(family, "", 10)
            pdf.multi_cell(0, 6, text(render(value)), new_x="LMARGIN", new_y="NEXT")
        withheld = credential.get("withheld") or []
        if withheld:
            pdf.set_font(family, "", 9)
            names = ", ".join(labels.get(n, n) for n in withheld)
            pdf.multi_cell(0, 5, text(f"Withheld by the learner: {names}"), new_x="LMARGIN", new_y="NEXT")
        verification = credential.get("verification")
        if verification:
            pdf.set_font(family, "B", 10)
            pdf.multi_cell(
                0, 6, text(f"Verification ({verification.get('verified_at', '')})"), new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_font(family, "", 9)
            for check in verification.get("checks", []):
                line = f"{check['name']}: {check['outcome']} ({check['reason']})"
                pdf.multi_cell(0, 5, text(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
