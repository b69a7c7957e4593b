from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_of_study_status_type_0 import FieldOfStudyStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldOfStudy")


@_attrs_define
class FieldOfStudy:
    """
    Attributes:
        code (str):
        name (None | str):
        broad (None | str): The broad ISCED-F field (2 digits) with its name.
        source_url (None | str | Unset):
        status (FieldOfStudyStatusType0 | None | Unset):
    """

    code: str
    name: None | str
    broad: None | str
    source_url: None | str | Unset = UNSET
    status: FieldOfStudyStatusType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name: None | str
        name = self.name

        broad: None | str
        broad = self.broad

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, FieldOfStudyStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "broad": broad,
            }
        )
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_broad(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        broad = _parse_broad(d.pop("broad"))

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_status(data: object) -> FieldOfStudyStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = FieldOfStudyStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldOfStudyStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        field_of_study = cls(
            code=code,
            name=name,
            broad=broad,
            source_url=source_url,
            status=status,
        )

        field_of_study.additional_properties = d
        return field_of_study

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
