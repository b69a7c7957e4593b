from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grading_table_public_cycle import GradingTablePublicCycle

if TYPE_CHECKING:
    from ..models.grading_table_public_grades_item import GradingTablePublicGradesItem


T = TypeVar("T", bound="GradingTablePublic")


@_attrs_define
class GradingTablePublic:
    """
    Attributes:
        id (UUID):
        institution_id (UUID):
        institution_name (str):
        scale (str):
        isced_f (str):
        cycle (GradingTablePublicCycle):
        years (list[int]):
        grades (list[GradingTablePublicGradesItem]):
        total (int):
        source_note (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    institution_id: UUID
    institution_name: str
    scale: str
    isced_f: str
    cycle: GradingTablePublicCycle
    years: list[int]
    grades: list[GradingTablePublicGradesItem]
    total: int
    source_note: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        institution_id = str(self.institution_id)

        institution_name = self.institution_name

        scale = self.scale

        isced_f = self.isced_f

        cycle = self.cycle.value

        years = self.years

        grades = []
        for grades_item_data in self.grades:
            grades_item = grades_item_data.to_dict()
            grades.append(grades_item)

        total = self.total

        source_note: None | str
        source_note = self.source_note

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "institution_name": institution_name,
                "scale": scale,
                "isced_f": isced_f,
                "cycle": cycle,
                "years": years,
                "grades": grades,
                "total": total,
                "source_note": source_note,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grading_table_public_grades_item import GradingTablePublicGradesItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        institution_name = d.pop("institution_name")

        scale = d.pop("scale")

        isced_f = d.pop("isced_f")

        cycle = GradingTablePublicCycle(d.pop("cycle"))

        years = cast(list[int], d.pop("years"))

        grades = []
        _grades = d.pop("grades")
        for grades_item_data in _grades:
            grades_item = GradingTablePublicGradesItem.from_dict(grades_item_data)

            grades.append(grades_item)

        total = d.pop("total")

        def _parse_source_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_note = _parse_source_note(d.pop("source_note"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        grading_table_public = cls(
            id=id,
            institution_id=institution_id,
            institution_name=institution_name,
            scale=scale,
            isced_f=isced_f,
            cycle=cycle,
            years=years,
            grades=grades,
            total=total,
            source_note=source_note,
            created_at=created_at,
        )

        grading_table_public.additional_properties = d
        return grading_table_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
