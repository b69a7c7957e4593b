from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InterviewRecord")


@_attrs_define
class InterviewRecord:
    """
    Attributes:
        held_at (datetime.datetime):
        summary (str): What the interview established (internal to the body).
    """

    held_at: datetime.datetime
    summary: str

    def to_dict(self) -> dict[str, Any]:
        held_at = self.held_at.isoformat()

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_at": held_at,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_at = datetime.datetime.fromisoformat(d.pop("held_at"))

        summary = d.pop("summary")

        interview_record = cls(
            held_at=held_at,
            summary=summary,
        )

        return interview_record
