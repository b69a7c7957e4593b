from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.framework_public_kind import FrameworkPublicKind
from ..models.framework_public_status import FrameworkPublicStatus

T = TypeVar("T", bound="FrameworkPublic")


@_attrs_define
class FrameworkPublic:
    """
    Attributes:
        key (str): Stable identifier: `IE-NFQ`, `GB-SCT-SCQF`, `EQF`.
        code (str): The framework's usual short name: `NFQ`, `SCQF`, `DQR`.
        kind (FrameworkPublicKind):
        country (None | str): ISO 3166-1 alpha-2; null for the EQF and the QF-EHEA.
        jurisdictions (list[str]): ISO 3166-1 or 3166-2 codes the framework covers.
        name_original (str):
        name_english (str):
        language (str):
        legacy (bool): A superseded framework, kept because old diplomas still state its levels.
        eqf_referencing (None | str):
        note (None | str):
        source_url (str):
        as_of (datetime.date):
        status (FrameworkPublicStatus):
        level_count (int):
    """

    key: str
    code: str
    kind: FrameworkPublicKind
    country: None | str
    jurisdictions: list[str]
    name_original: str
    name_english: str
    language: str
    legacy: bool
    eqf_referencing: None | str
    note: None | str
    source_url: str
    as_of: datetime.date
    status: FrameworkPublicStatus
    level_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        code = self.code

        kind = self.kind.value

        country: None | str
        country = self.country

        jurisdictions = self.jurisdictions

        name_original = self.name_original

        name_english = self.name_english

        language = self.language

        legacy = self.legacy

        eqf_referencing: None | str
        eqf_referencing = self.eqf_referencing

        note: None | str
        note = self.note

        source_url = self.source_url

        as_of = self.as_of.isoformat()

        status = self.status.value

        level_count = self.level_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "code": code,
                "kind": kind,
                "country": country,
                "jurisdictions": jurisdictions,
                "name_original": name_original,
                "name_english": name_english,
                "language": language,
                "legacy": legacy,
                "eqf_referencing": eqf_referencing,
                "note": note,
                "source_url": source_url,
                "as_of": as_of,
                "status": status,
                "level_count": level_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        code = d.pop("code")

        kind = FrameworkPublicKind(d.pop("kind"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        jurisdictions = cast(list[str], d.pop("jurisdictions"))

        name_original = d.pop("name_original")

        name_english = d.pop("name_english")

        language = d.pop("language")

        legacy = d.pop("legacy")

        def _parse_eqf_referencing(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        eqf_referencing = _parse_eqf_referencing(d.pop("eqf_referencing"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        source_url = d.pop("source_url")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        status = FrameworkPublicStatus(d.pop("status"))

        level_count = d.pop("level_count")

        framework_public = cls(
            key=key,
            code=code,
            kind=kind,
            country=country,
            jurisdictions=jurisdictions,
            name_original=name_original,
            name_english=name_english,
            language=language,
            legacy=legacy,
            eqf_referencing=eqf_referencing,
            note=note,
            source_url=source_url,
            as_of=as_of,
            status=status,
            level_count=level_count,
        )

        framework_public.additional_properties = d
        return framework_public

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
