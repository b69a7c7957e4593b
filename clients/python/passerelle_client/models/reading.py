from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.level_public import LevelPublic
    from ..models.target_levels import TargetLevels


T = TypeVar("T", bound="Reading")


@_attrs_define
class Reading:
    """One EQF level the source level reads as, and what sits at that EQF level elsewhere.

    Attributes:
        eqf_level (int):
        eqf (LevelPublic):
        qf_ehea (LevelPublic | None): The QF-EHEA cycle at this EQF level, if any.
        targets (list[TargetLevels]):
    """

    eqf_level: int
    eqf: LevelPublic
    qf_ehea: LevelPublic | None
    targets: list[TargetLevels]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_public import LevelPublic  # noqa: PLC0415

        eqf_level = self.eqf_level

        eqf = self.eqf.to_dict()

        qf_ehea: dict[str, Any] | None
        if isinstance(self.qf_ehea, LevelPublic):
            qf_ehea = self.qf_ehea.to_dict()
        else:
            qf_ehea = self.qf_ehea

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eqf_level": eqf_level,
                "eqf": eqf,
                "qf_ehea": qf_ehea,
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_public import LevelPublic  # noqa: PLC0415
        from ..models.target_levels import TargetLevels  # noqa: PLC0415

        d = dict(src_dict)
        eqf_level = d.pop("eqf_level")

        eqf = LevelPublic.from_dict(d.pop("eqf"))

        def _parse_qf_ehea(data: object) -> LevelPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                qf_ehea_type_0 = LevelPublic.from_dict(data)

                return qf_ehea_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelPublic | None, data)

        qf_ehea = _parse_qf_ehea(d.pop("qf_ehea"))

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetLevels.from_dict(targets_item_data)

            targets.append(targets_item)

        reading = cls(
            eqf_level=eqf_level,
            eqf=eqf,
            qf_ehea=qf_ehea,
            targets=targets,
        )

        reading.additional_properties = d
        return reading

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
