from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_band import GradeBand
    from ..models.home_band import HomeBand


T = TypeVar("T", bound="GradeConversion")


@_attrs_define
class GradeConversion:
    """
    Attributes:
        grade (str):
        suggested (list[str]): The home grade(s) whose band overlaps the foreign band most.
        method (str):
        foreign_band (GradeBand):
        home_bands (list[HomeBand]): Every home grade whose band overlaps the foreign band.
        foreign_table_id (None | UUID):
        home_table_id (None | UUID):
        warnings (list[str]):
        label (Literal['suggested, not official'] | Unset):  Default: 'suggested, not official'.
    """

    grade: str
    suggested: list[str]
    method: str
    foreign_band: GradeBand
    home_bands: list[HomeBand]
    foreign_table_id: None | UUID
    home_table_id: None | UUID
    warnings: list[str]
    label: Literal["suggested, not official"] | Unset = "suggested, not official"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        suggested = self.suggested

        method = self.method

        foreign_band = self.foreign_band.to_dict()

        home_bands = []
        for home_bands_item_data in self.home_bands:
            home_bands_item = home_bands_item_data.to_dict()
            home_bands.append(home_bands_item)

        foreign_table_id: None | str
        if isinstance(self.foreign_table_id, UUID):
            foreign_table_id = str(self.foreign_table_id)
        else:
            foreign_table_id = self.foreign_table_id

        home_table_id: None | str
        if isinstance(self.home_table_id, UUID):
            home_table_id = str(self.home_table_id)
        else:
            home_table_id = self.home_table_id

        warnings = self.warnings

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "suggested": suggested,
                "method": method,
                "foreign_band": foreign_band,
                "home_bands": home_bands,
                "foreign_table_id": foreign_table_id,
                "home_table_id": home_table_id,
                "warnings": warnings,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_band import GradeBand  # noqa: PLC0415
        from ..models.home_band import HomeBand  # noqa: PLC0415

        d = dict(src_dict)
        grade = d.pop("grade")

        suggested = cast(list[str], d.pop("suggested"))

        method = d.pop("method")

        foreign_band = GradeBand.from_dict(d.pop("foreign_band"))

        home_bands = []
        _home_bands = d.pop("home_bands")
        for home_bands_item_data in _home_bands:
            home_bands_item = HomeBand.from_dict(home_bands_item_data)

            home_bands.append(home_bands_item)

        def _parse_foreign_table_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                foreign_table_id_type_0 = UUID(data)

                return foreign_table_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        foreign_table_id = _parse_foreign_table_id(d.pop("foreign_table_id"))

        def _parse_home_table_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                home_table_id_type_0 = UUID(data)

                return home_table_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        home_table_id = _parse_home_table_id(d.pop("home_table_id"))

        warnings = cast(list[str], d.pop("warnings"))

        label = cast(Literal["suggested, not official"] | Unset, d.pop("label", UNSET))
        if label != "suggested, not official" and not isinstance(label, Unset):
            raise ValueError(f"label must match const 'suggested, not official', got '{label}'")

        grade_conversion = cls(
            grade=grade,
            suggested=suggested,
            method=method,
            foreign_band=foreign_band,
            home_bands=home_bands,
            foreign_table_id=foreign_table_id,
            home_table_id=home_table_id,
            warnings=warnings,
            label=label,
        )

        grade_conversion.additional_properties = d
        return grade_conversion

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
