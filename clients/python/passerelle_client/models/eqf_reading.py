from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eqf_reading_basis import EqfReadingBasis
from ..models.eqf_reading_status_type_0 import EqfReadingStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="EqfReading")


@_attrs_define
class EqfReading:
    """
    Attributes:
        eqf_level (int):
        basis (EqfReadingBasis):
        relation (Literal['comparable level'] | Unset):  Default: 'comparable level'.
        framework (None | str | Unset): The national framework the level was read through.
        level (None | str | Unset):
        source_url (None | str | Unset):
        as_of (datetime.date | None | Unset):
        status (EqfReadingStatusType0 | None | Unset):
    """

    eqf_level: int
    basis: EqfReadingBasis
    relation: Literal["comparable level"] | Unset = "comparable level"
    framework: None | str | Unset = UNSET
    level: None | str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    as_of: datetime.date | None | Unset = UNSET
    status: EqfReadingStatusType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eqf_level = self.eqf_level

        basis = self.basis.value

        relation = self.relation

        framework: None | str | Unset
        if isinstance(self.framework, Unset):
            framework = UNSET
        else:
            framework = self.framework

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

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
        elif isinstance(self.status, EqfReadingStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eqf_level": eqf_level,
                "basis": basis,
            }
        )
        if relation is not UNSET:
            field_dict["relation"] = relation
        if framework is not UNSET:
            field_dict["framework"] = framework
        if level is not UNSET:
            field_dict["level"] = level
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
        eqf_level = d.pop("eqf_level")

        basis = EqfReadingBasis(d.pop("basis"))

        relation = cast(Literal["comparable level"] | Unset, d.pop("relation", UNSET))
        if relation != "comparable level" and not isinstance(relation, Unset):
            raise ValueError(f"relation must match const 'comparable level', got '{relation}'")

        def _parse_framework(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        framework = _parse_framework(d.pop("framework", UNSET))

        def _parse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

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

        def _parse_status(data: object) -> EqfReadingStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = EqfReadingStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EqfReadingStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        eqf_reading = cls(
            eqf_level=eqf_level,
            basis=basis,
            relation=relation,
            framework=framework,
            level=level,
            source_url=source_url,
            as_of=as_of,
            status=status,
        )

        eqf_reading.additional_properties = d
        return eqf_reading

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
