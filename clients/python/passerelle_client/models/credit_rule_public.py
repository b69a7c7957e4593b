from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credit_rule_public_basis import CreditRulePublicBasis
from ..models.credit_rule_public_scope import CreditRulePublicScope
from ..models.credit_rule_public_status import CreditRulePublicStatus

T = TypeVar("T", bound="CreditRulePublic")


@_attrs_define
class CreditRulePublic:
    """
    Attributes:
        id (UUID):
        system (str):
        scope (CreditRulePublicScope):
        institution_id (None | UUID):
        name (str):
        aliases (list[str]):
        from_units (float):
        ects (float):
        formula (str): The rule in words, e.g. `2 UK = 1 ECTS`.
        hours_per_unit (float | None):
        basis (CreditRulePublicBasis):
        note (None | str):
        source_url (None | str):
        as_of (datetime.date):
        status (CreditRulePublicStatus):
    """

    id: UUID
    system: str
    scope: CreditRulePublicScope
    institution_id: None | UUID
    name: str
    aliases: list[str]
    from_units: float
    ects: float
    formula: str
    hours_per_unit: float | None
    basis: CreditRulePublicBasis
    note: None | str
    source_url: None | str
    as_of: datetime.date
    status: CreditRulePublicStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        system = self.system

        scope = self.scope.value

        institution_id: None | str
        if isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        name = self.name

        aliases = self.aliases

        from_units = self.from_units

        ects = self.ects

        formula = self.formula

        hours_per_unit: float | None
        hours_per_unit = self.hours_per_unit

        basis = self.basis.value

        note: None | str
        note = self.note

        source_url: None | str
        source_url = self.source_url

        as_of = self.as_of.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "system": system,
                "scope": scope,
                "institution_id": institution_id,
                "name": name,
                "aliases": aliases,
                "from_units": from_units,
                "ects": ects,
                "formula": formula,
                "hours_per_unit": hours_per_unit,
                "basis": basis,
                "note": note,
                "source_url": source_url,
                "as_of": as_of,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        system = d.pop("system")

        scope = CreditRulePublicScope(d.pop("scope"))

        def _parse_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id"))

        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases"))

        from_units = d.pop("from_units")

        ects = d.pop("ects")

        formula = d.pop("formula")

        def _parse_hours_per_unit(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hours_per_unit = _parse_hours_per_unit(d.pop("hours_per_unit"))

        basis = CreditRulePublicBasis(d.pop("basis"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_source_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_url = _parse_source_url(d.pop("source_url"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        status = CreditRulePublicStatus(d.pop("status"))

        credit_rule_public = cls(
            id=id,
            system=system,
            scope=scope,
            institution_id=institution_id,
            name=name,
            aliases=aliases,
            from_units=from_units,
            ects=ects,
            formula=formula,
            hours_per_unit=hours_per_unit,
            basis=basis,
            note=note,
            source_url=source_url,
            as_of=as_of,
            status=status,
        )

        credit_rule_public.additional_properties = d
        return credit_rule_public

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
