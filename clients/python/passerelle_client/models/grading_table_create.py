from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.grading_table_create_cycle import GradingTableCreateCycle
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_count import GradeCount


T = TypeVar("T", bound="GradingTableCreate")


@_attrs_define
class GradingTableCreate:
    """A grade distribution for one reference group: passing grades only, best first, as counts.

    Attributes:
        institution_name (str):
        scale (str): The grading scale, e.g. `Dutch 1-10` or `German 1,0-4,0`.
        isced_f (str): The ISCED-F 2013 field of the reference group.
        cycle (GradingTableCreateCycle):
        years (list[int]): The years the counts cover (EGRACONS uses the last 2-3 years).
        grades (list[GradeCount]):
        source_note (None | str | Unset):
        institution_id (None | Unset | UUID): Administrators only: the institution the table belongs to.
    """

    institution_name: str
    scale: str
    isced_f: str
    cycle: GradingTableCreateCycle
    years: list[int]
    grades: list[GradeCount]
    source_note: None | str | Unset = UNSET
    institution_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        institution_name = self.institution_name

        scale = self.scale

        isced_f = self.isced_f

        cycle = self.cycle.value

        years = self.years

        grades = []
        for grades_item_data in self.grades:
            grades_item = grades_item_data.to_dict()
            grades.append(grades_item)

        source_note: None | str | Unset
        if isinstance(self.source_note, Unset):
            source_note = UNSET
        else:
            source_note = self.source_note

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "institution_name": institution_name,
                "scale": scale,
                "isced_f": isced_f,
                "cycle": cycle,
                "years": years,
                "grades": grades,
            }
        )
        if source_note is not UNSET:
            field_dict["source_note"] = source_note
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_count import GradeCount  # noqa: PLC0415

        d = dict(src_dict)
        institution_name = d.pop("institution_name")

        scale = d.pop("scale")

        isced_f = d.pop("isced_f")

        cycle = GradingTableCreateCycle(d.pop("cycle"))

        years = cast(list[int], d.pop("years"))

        grades = []
        _grades = d.pop("grades")
        for grades_item_data in _grades:
            grades_item = GradeCount.from_dict(grades_item_data)

            grades.append(grades_item)

        def _parse_source_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_note = _parse_source_note(d.pop("source_note", UNSET))

        def _parse_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))

        grading_table_create = cls(
            institution_name=institution_name,
            scale=scale,
            isced_f=isced_f,
            cycle=cycle,
            years=years,
            grades=grades,
            source_note=source_note,
            institution_id=institution_id,
        )

        return grading_table_create
