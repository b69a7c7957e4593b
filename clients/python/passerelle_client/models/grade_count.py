from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GradeCount")


@_attrs_define
class GradeCount:
    """
    Attributes:
        grade (str):
        count (int): How many times the grade was awarded in the period.
    """

    grade: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        count = d.pop("count")

        grade_count = cls(
            grade=grade,
            count=count,
        )

        return grade_count
