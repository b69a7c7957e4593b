from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NationalLevelInput")


@_attrs_define
class NationalLevelInput:
    """
    Attributes:
        framework (str): The national framework as the frameworks data names it (`DQR`, `NFQ`, …).
        level (str):
    """

    framework: str
    level: str

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        level = self.level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "framework": framework,
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        framework = d.pop("framework")

        level = d.pop("level")

        national_level_input = cls(
            framework=framework,
            level=level,
        )

        return national_level_input
