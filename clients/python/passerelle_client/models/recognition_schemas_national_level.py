from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_public import LevelPublic
    from ..models.stated_level import StatedLevel


T = TypeVar("T", bound="RecognitionSchemasNationalLevel")


@_attrs_define
class RecognitionSchemasNationalLevel:
    """
    Attributes:
        stated (StatedLevel):
        matches (list[LevelPublic]): The framework level(s) the stated level names (several if ambiguous).
        note (None | str | Unset):
    """

    stated: StatedLevel
    matches: list[LevelPublic]
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stated = self.stated.to_dict()

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stated": stated,
                "matches": matches,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_public import LevelPublic  # noqa: PLC0415
        from ..models.stated_level import StatedLevel  # noqa: PLC0415

        d = dict(src_dict)
        stated = StatedLevel.from_dict(d.pop("stated"))

        matches = []
        _matches = d.pop("matches")
        for matches_item_data in _matches:
            matches_item = LevelPublic.from_dict(matches_item_data)

            matches.append(matches_item)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        recognition_schemas_national_level = cls(
            stated=stated,
            matches=matches,
            note=note,
        )

        recognition_schemas_national_level.additional_properties = d
        return recognition_schemas_national_level

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
