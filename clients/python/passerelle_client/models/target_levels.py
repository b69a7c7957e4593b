from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.framework_public import FrameworkPublic
    from ..models.level_public import LevelPublic


T = TypeVar("T", bound="TargetLevels")


@_attrs_define
class TargetLevels:
    """
    Attributes:
        framework (FrameworkPublic):
        levels (list[LevelPublic]): The framework's levels referenced to this EQF level (may be several).
        relation (Literal['comparable level'] | Unset):  Default: 'comparable level'.
        note (None | str | Unset):
    """

    framework: FrameworkPublic
    levels: list[LevelPublic]
    relation: Literal["comparable level"] | Unset = "comparable level"
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework.to_dict()

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        relation = self.relation

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "levels": levels,
            }
        )
        if relation is not UNSET:
            field_dict["relation"] = relation
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_public import FrameworkPublic  # noqa: PLC0415
        from ..models.level_public import LevelPublic  # noqa: PLC0415

        d = dict(src_dict)
        framework = FrameworkPublic.from_dict(d.pop("framework"))

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = LevelPublic.from_dict(levels_item_data)

            levels.append(levels_item)

        relation = cast(Literal["comparable level"] | Unset, d.pop("relation", UNSET))
        if relation != "comparable level" and not isinstance(relation, Unset):
            raise ValueError(f"relation must match const 'comparable level', got '{relation}'")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        target_levels = cls(
            framework=framework,
            levels=levels,
            relation=relation,
            note=note,
        )

        target_levels.additional_properties = d
        return target_levels

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
