from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_count import GradeCount


T = TypeVar("T", bound="GradingTableRef")


@_attrs_define
class GradingTableRef:
    """A stored table (`table_id`) or a distribution given inline (`grades`, e.g. from an ELMO transcript).

    Attributes:
        table_id (None | Unset | UUID):
        grades (list[GradeCount] | None | Unset):
        scale (None | str | Unset):
    """

    table_id: None | Unset | UUID = UNSET
    grades: list[GradeCount] | None | Unset = UNSET
    scale: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        table_id: None | str | Unset
        if isinstance(self.table_id, Unset):
            table_id = UNSET
        elif isinstance(self.table_id, UUID):
            table_id = str(self.table_id)
        else:
            table_id = self.table_id

        grades: list[dict[str, Any]] | None | Unset
        if isinstance(self.grades, Unset):
            grades = UNSET
        elif isinstance(self.grades, list):
            grades = []
            for grades_type_0_item_data in self.grades:
                grades_type_0_item = grades_type_0_item_data.to_dict()
                grades.append(grades_type_0_item)

        else:
            grades = self.grades

        scale: None | str | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        else:
            scale = self.scale

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if table_id is not UNSET:
            field_dict["table_id"] = table_id
        if grades is not UNSET:
            field_dict["grades"] = grades
        if scale is not UNSET:
            field_dict["scale"] = scale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_count import GradeCount  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_table_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                table_id_type_0 = UUID(data)

                return table_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        table_id = _parse_table_id(d.pop("table_id", UNSET))

        def _parse_grades(data: object) -> list[GradeCount] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grades_type_0 = []
                _grades_type_0 = data
                for grades_type_0_item_data in _grades_type_0:
                    grades_type_0_item = GradeCount.from_dict(grades_type_0_item_data)

                    grades_type_0.append(grades_type_0_item)

                return grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GradeCount] | None | Unset, data)

        grades = _parse_grades(d.pop("grades", UNSET))

        def _parse_scale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))

        grading_table_ref = cls(
            table_id=table_id,
            grades=grades,
            scale=scale,
        )

        return grading_table_ref
