from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditRuleCreate")


@_attrs_define
class CreditRuleCreate:
    """An institution's own conversion rule for a credit system (its policy wins over the shipped rule).

    Attributes:
        system (str):
        from_units (float):
        ects (float):
        reason (str): Why the institution uses this rule; kept in the audit trail.
        name (None | str | Unset): Required when the system is not one of the shipped ones.
        aliases (list[str] | Unset):
        hours_per_unit (float | None | Unset):
        note (None | str | Unset):
        source_url (None | str | Unset):
        institution_id (None | Unset | UUID): Administrators only: the institution the rule belongs to.
    """

    system: str
    from_units: float
    ects: float
    reason: str
    name: None | str | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    hours_per_unit: float | None | Unset = UNSET
    note: None | str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    institution_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        system = self.system

        from_units = self.from_units

        ects = self.ects

        reason = self.reason

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        hours_per_unit: float | None | Unset
        if isinstance(self.hours_per_unit, Unset):
            hours_per_unit = UNSET
        else:
            hours_per_unit = self.hours_per_unit

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "system": system,
                "from_units": from_units,
                "ects": ects,
                "reason": reason,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if hours_per_unit is not UNSET:
            field_dict["hours_per_unit"] = hours_per_unit
        if note is not UNSET:
            field_dict["note"] = note
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        system = d.pop("system")

        from_units = d.pop("from_units")

        ects = d.pop("ects")

        reason = d.pop("reason")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        aliases = cast(list[str], d.pop("aliases", UNSET))

        def _parse_hours_per_unit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours_per_unit = _parse_hours_per_unit(d.pop("hours_per_unit", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))

        credit_rule_create = cls(
            system=system,
            from_units=from_units,
            ects=ects,
            reason=reason,
            name=name,
            aliases=aliases,
            hours_per_unit=hours_per_unit,
            note=note,
            source_url=source_url,
            institution_id=institution_id,
        )

        return credit_rule_create
