from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.credit_rule_correction_basis_type_0 import CreditRuleCorrectionBasisType0
from ..models.credit_rule_correction_status_type_0 import CreditRuleCorrectionStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditRuleCorrection")


@_attrs_define
class CreditRuleCorrection:
    """An administrator's correction of a credit rule; only the fields sent change. `reason` is required.

    Attributes:
        reason (str):
        name (None | str | Unset):
        aliases (list[str] | None | Unset):
        from_units (float | None | Unset):
        ects (float | None | Unset):
        hours_per_unit (float | None | Unset):
        basis (CreditRuleCorrectionBasisType0 | None | Unset):
        note (None | str | Unset):
        source_url (None | str | Unset):
        as_of (datetime.date | None | Unset):
        status (CreditRuleCorrectionStatusType0 | None | Unset):
    """

    reason: str
    name: None | str | Unset = UNSET
    aliases: list[str] | None | Unset = UNSET
    from_units: float | None | Unset = UNSET
    ects: float | None | Unset = UNSET
    hours_per_unit: float | None | Unset = UNSET
    basis: CreditRuleCorrectionBasisType0 | None | Unset = UNSET
    note: None | str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    as_of: datetime.date | None | Unset = UNSET
    status: CreditRuleCorrectionStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        aliases: list[str] | None | Unset
        if isinstance(self.aliases, Unset):
            aliases = UNSET
        elif isinstance(self.aliases, list):
            aliases = self.aliases

        else:
            aliases = self.aliases

        from_units: float | None | Unset
        if isinstance(self.from_units, Unset):
            from_units = UNSET
        else:
            from_units = self.from_units

        ects: float | None | Unset
        if isinstance(self.ects, Unset):
            ects = UNSET
        else:
            ects = self.ects

        hours_per_unit: float | None | Unset
        if isinstance(self.hours_per_unit, Unset):
            hours_per_unit = UNSET
        else:
            hours_per_unit = self.hours_per_unit

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, CreditRuleCorrectionBasisType0):
            basis = self.basis.value
        else:
            basis = self.basis

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

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CreditRuleCorrectionStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if from_units is not UNSET:
            field_dict["from_units"] = from_units
        if ects is not UNSET:
            field_dict["ects"] = ects
        if hours_per_unit is not UNSET:
            field_dict["hours_per_unit"] = hours_per_unit
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_aliases(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aliases_type_0 = cast(list[str], data)

                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        aliases = _parse_aliases(d.pop("aliases", UNSET))

        def _parse_from_units(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        from_units = _parse_from_units(d.pop("from_units", UNSET))

        def _parse_ects(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ects = _parse_ects(d.pop("ects", UNSET))

        def _parse_hours_per_unit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours_per_unit = _parse_hours_per_unit(d.pop("hours_per_unit", UNSET))

        def _parse_basis(data: object) -> CreditRuleCorrectionBasisType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = CreditRuleCorrectionBasisType0(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditRuleCorrectionBasisType0 | None | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

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

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_status(data: object) -> CreditRuleCorrectionStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CreditRuleCorrectionStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditRuleCorrectionStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        credit_rule_correction = cls(
            reason=reason,
            name=name,
            aliases=aliases,
            from_units=from_units,
            ects=ects,
            hours_per_unit=hours_per_unit,
            basis=basis,
            note=note,
            source_url=source_url,
            as_of=as_of,
            status=status,
        )

        return credit_rule_correction
