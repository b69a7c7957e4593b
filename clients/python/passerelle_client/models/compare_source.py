from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.framework_public import FrameworkPublic
    from ..models.level_public import LevelPublic


T = TypeVar("T", bound="CompareSource")


@_attrs_define
class CompareSource:
    """
    Attributes:
        framework (FrameworkPublic):
        level (LevelPublic):
    """

    framework: FrameworkPublic
    level: LevelPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework.to_dict()

        level = self.level.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_public import FrameworkPublic  # noqa: PLC0415
        from ..models.level_public import LevelPublic  # noqa: PLC0415

        d = dict(src_dict)
        framework = FrameworkPublic.from_dict(d.pop("framework"))

        level = LevelPublic.from_dict(d.pop("level"))

        compare_source = cls(
            framework=framework,
            level=level,
        )

        compare_source.additional_properties = d
        return compare_source

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
