from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.packet_levels_qf_ehea_cycles_item import PacketLevelsQfEheaCyclesItem

if TYPE_CHECKING:
    from ..models.eqf_reading import EqfReading
    from ..models.recognition_schemas_national_level import RecognitionSchemasNationalLevel
    from ..models.stated_level import StatedLevel


T = TypeVar("T", bound="PacketLevels")


@_attrs_define
class PacketLevels:
    """
    Attributes:
        stated (list[StatedLevel]):
        eqf (list[EqfReading]):
        national (list[RecognitionSchemasNationalLevel]):
        qf_ehea_cycles (list[PacketLevelsQfEheaCyclesItem]):
        notes (list[str]):
    """

    stated: list[StatedLevel]
    eqf: list[EqfReading]
    national: list[RecognitionSchemasNationalLevel]
    qf_ehea_cycles: list[PacketLevelsQfEheaCyclesItem]
    notes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stated = []
        for stated_item_data in self.stated:
            stated_item = stated_item_data.to_dict()
            stated.append(stated_item)

        eqf = []
        for eqf_item_data in self.eqf:
            eqf_item = eqf_item_data.to_dict()
            eqf.append(eqf_item)

        national = []
        for national_item_data in self.national:
            national_item = national_item_data.to_dict()
            national.append(national_item)

        qf_ehea_cycles = []
        for qf_ehea_cycles_item_data in self.qf_ehea_cycles:
            qf_ehea_cycles_item = qf_ehea_cycles_item_data.value
            qf_ehea_cycles.append(qf_ehea_cycles_item)

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stated": stated,
                "eqf": eqf,
                "national": national,
                "qf_ehea_cycles": qf_ehea_cycles,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eqf_reading import EqfReading  # noqa: PLC0415
        from ..models.recognition_schemas_national_level import RecognitionSchemasNationalLevel  # noqa: PLC0415
        from ..models.stated_level import StatedLevel  # noqa: PLC0415

        d = dict(src_dict)
        stated = []
        _stated = d.pop("stated")
        for stated_item_data in _stated:
            stated_item = StatedLevel.from_dict(stated_item_data)

            stated.append(stated_item)

        eqf = []
        _eqf = d.pop("eqf")
        for eqf_item_data in _eqf:
            eqf_item = EqfReading.from_dict(eqf_item_data)

            eqf.append(eqf_item)

        national = []
        _national = d.pop("national")
        for national_item_data in _national:
            national_item = RecognitionSchemasNationalLevel.from_dict(national_item_data)

            national.append(national_item)

        qf_ehea_cycles = []
        _qf_ehea_cycles = d.pop("qf_ehea_cycles")
        for qf_ehea_cycles_item_data in _qf_ehea_cycles:
            qf_ehea_cycles_item = PacketLevelsQfEheaCyclesItem(qf_ehea_cycles_item_data)

            qf_ehea_cycles.append(qf_ehea_cycles_item)

        notes = cast(list[str], d.pop("notes"))

        packet_levels = cls(
            stated=stated,
            eqf=eqf,
            national=national,
            qf_ehea_cycles=qf_ehea_cycles,
            notes=notes,
        )

        packet_levels.additional_properties = d
        return packet_levels

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
