from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.level_public_qf_ehea_cycle_type_0 import LevelPublicQfEheaCycleType0
from ..models.level_public_status import LevelPublicStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_public_descriptors_type_0 import LevelPublicDescriptorsType0


T = TypeVar("T", bound="LevelPublic")


@_attrs_define
class LevelPublic:
    """
    Attributes:
        id (UUID):
        framework (str): The framework's key.
        label (str): The level as the framework names it: `4+`, `7.1`, `Entry 3`, `A`, `VI`.
        aliases (list[str]):
        eqf_levels (list[int]): Empty: no EQF level (below EQF 1). One: the EQF level. Two: the level alone does not
            decide; see `decided_by`.
        decided_by (None | str):
        qf_ehea_cycle (LevelPublicQfEheaCycleType0 | None): The QF-EHEA cycle of the higher-education qualifications at
            this level, if any; not every qualification at the level belongs to it.
        examples (list[str]):
        note (None | str):
        source_url (str):
        as_of (datetime.date):
        status (LevelPublicStatus):
        typical_ects (None | str | Unset):
        descriptors (LevelPublicDescriptorsType0 | None | Unset): EQF levels only: knowledge, skills, responsibility and
            autonomy (paraphrased).
    """

    id: UUID
    framework: str
    label: str
    aliases: list[str]
    eqf_levels: list[int]
    decided_by: None | str
    qf_ehea_cycle: LevelPublicQfEheaCycleType0 | None
    examples: list[str]
    note: None | str
    source_url: str
    as_of: datetime.date
    status: LevelPublicStatus
    typical_ects: None | str | Unset = UNSET
    descriptors: LevelPublicDescriptorsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_public_descriptors_type_0 import LevelPublicDescriptorsType0  # noqa: PLC0415

        id = str(self.id)

        framework = self.framework

        label = self.label

        aliases = self.aliases

        eqf_levels = self.eqf_levels

        decided_by: None | str
        decided_by = self.decided_by

        qf_ehea_cycle: None | str
        if isinstance(self.qf_ehea_cycle, LevelPublicQfEheaCycleType0):
            qf_ehea_cycle = self.qf_ehea_cycle.value
        else:
            qf_ehea_cycle = self.qf_ehea_cycle

        examples = self.examples

        note: None | str
        note = self.note

        source_url = self.source_url

        as_of = self.as_of.isoformat()

        status = self.status.value

        typical_ects: None | str | Unset
        if isinstance(self.typical_ects, Unset):
            typical_ects = UNSET
        else:
            typical_ects = self.typical_ects

        descriptors: dict[str, Any] | None | Unset
        if isinstance(self.descriptors, Unset):
            descriptors = UNSET
        elif isinstance(self.descriptors, LevelPublicDescriptorsType0):
            descriptors = self.descriptors.to_dict()
        else:
            descriptors = self.descriptors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "framework": framework,
                "label": label,
                "aliases": aliases,
                "eqf_levels": eqf_levels,
                "decided_by": decided_by,
                "qf_ehea_cycle": qf_ehea_cycle,
                "examples": examples,
                "note": note,
                "source_url": source_url,
                "as_of": as_of,
                "status": status,
            }
        )
        if typical_ects is not UNSET:
            field_dict["typical_ects"] = typical_ects
        if descriptors is not UNSET:
            field_dict["descriptors"] = descriptors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_public_descriptors_type_0 import LevelPublicDescriptorsType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        framework = d.pop("framework")

        label = d.pop("label")

        aliases = cast(list[str], d.pop("aliases"))

        eqf_levels = cast(list[int], d.pop("eqf_levels"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_qf_ehea_cycle(data: object) -> LevelPublicQfEheaCycleType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                qf_ehea_cycle_type_0 = LevelPublicQfEheaCycleType0(data)

                return qf_ehea_cycle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelPublicQfEheaCycleType0 | None, data)

        qf_ehea_cycle = _parse_qf_ehea_cycle(d.pop("qf_ehea_cycle"))

        examples = cast(list[str], d.pop("examples"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        source_url = d.pop("source_url")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        status = LevelPublicStatus(d.pop("status"))

        def _parse_typical_ects(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        typical_ects = _parse_typical_ects(d.pop("typical_ects", UNSET))

        def _parse_descriptors(data: object) -> LevelPublicDescriptorsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                descriptors_type_0 = LevelPublicDescriptorsType0.from_dict(data)

                return descriptors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelPublicDescriptorsType0 | None | Unset, data)

        descriptors = _parse_descriptors(d.pop("descriptors", UNSET))

        level_public = cls(
            id=id,
            framework=framework,
            label=label,
            aliases=aliases,
            eqf_levels=eqf_levels,
            decided_by=decided_by,
            qf_ehea_cycle=qf_ehea_cycle,
            examples=examples,
            note=note,
            source_url=source_url,
            as_of=as_of,
            status=status,
            typical_ects=typical_ects,
            descriptors=descriptors,
        )

        level_public.additional_properties = d
        return level_public

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
