from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.grading_table_ref import GradingTableRef


T = TypeVar("T", bound="GradeConversionRequest")


@_attrs_define
class GradeConversionRequest:
    """
    Attributes:
        grade (str):
        foreign (GradingTableRef): A stored table (`table_id`) or a distribution given inline (`grades`, e.g. from an
            ELMO transcript).
        home (GradingTableRef): A stored table (`table_id`) or a distribution given inline (`grades`, e.g. from an ELMO
            transcript).
    """

    grade: str
    foreign: GradingTableRef
    home: GradingTableRef

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        foreign = self.foreign.to_dict()

        home = self.home.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "foreign": foreign,
                "home": home,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grading_table_ref import GradingTableRef  # noqa: PLC0415

        d = dict(src_dict)
        grade = d.pop("grade")

        foreign = GradingTableRef.from_dict(d.pop("foreign"))

        home = GradingTableRef.from_dict(d.pop("home"))

        grade_conversion_request = cls(
            grade=grade,
            foreign=foreign,
            home=home,
        )

        return grade_conversion_request
