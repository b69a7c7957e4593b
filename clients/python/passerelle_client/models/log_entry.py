from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_entry_type import LogEntryType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogEntry")


@_attrs_define
class LogEntry:
    """
    Attributes:
        id (str): Stable: `<source>:<row id>`.
        at (datetime.datetime):
        type_ (LogEntryType):
        action (str):
        counterparty_type (None | str):
        counterparty_id (None | str):
        counterparty_name (None | str):
        attributes (list[str]): Names of the attributes involved; never their values.
        share_id (None | Unset | UUID):
        credential_id (None | Unset | UUID):
        inbox_item_id (None | Unset | UUID):
        consent_id (None | Unset | UUID):
    """

    id: str
    at: datetime.datetime
    type_: LogEntryType
    action: str
    counterparty_type: None | str
    counterparty_id: None | str
    counterparty_name: None | str
    attributes: list[str]
    share_id: None | Unset | UUID = UNSET
    credential_id: None | Unset | UUID = UNSET
    inbox_item_id: None | Unset | UUID = UNSET
    consent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        type_ = self.type_.value

        action = self.action

        counterparty_type: None | str
        counterparty_type = self.counterparty_type

        counterparty_id: None | str
        counterparty_id = self.counterparty_id

        counterparty_name: None | str
        counterparty_name = self.counterparty_name

        attributes = self.attributes

        share_id: None | str | Unset
        if isinstance(self.share_id, Unset):
            share_id = UNSET
        elif isinstance(self.share_id, UUID):
            share_id = str(self.share_id)
        else:
            share_id = self.share_id

        credential_id: None | str | Unset
        if isinstance(self.credential_id, Unset):
            credential_id = UNSET
        elif isinstance(self.credential_id, UUID):
            credential_id = str(self.credential_id)
        else:
            credential_id = self.credential_id

        inbox_item_id: None | str | Unset
        if isinstance(self.inbox_item_id, Unset):
            inbox_item_id = UNSET
        elif isinstance(self.inbox_item_id, UUID):
            inbox_item_id = str(self.inbox_item_id)
        else:
            inbox_item_id = self.inbox_item_id

        consent_id: None | str | Unset
        if isinstance(self.consent_id, Unset):
            consent_id = UNSET
        elif isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "type": type_,
                "action": action,
                "counterparty_type": counterparty_type,
                "counterparty_id": counterparty_id,
                "counterparty_name": counterparty_name,
                "attributes": attributes,
            }
        )
        if share_id is not UNSET:
            field_dict["share_id"] = share_id
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id
        if inbox_item_id is not UNSET:
            field_dict["inbox_item_id"] = inbox_item_id
        if consent_id is not UNSET:
            field_dict["consent_id"] = consent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        type_ = LogEntryType(d.pop("type"))

        action = d.pop("action")

        def _parse_counterparty_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty_type = _parse_counterparty_type(d.pop("counterparty_type"))

        def _parse_counterparty_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id"))

        def _parse_counterparty_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty_name = _parse_counterparty_name(d.pop("counterparty_name"))

        attributes = cast(list[str], d.pop("attributes"))

        def _parse_share_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                share_id_type_0 = UUID(data)

                return share_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        share_id = _parse_share_id(d.pop("share_id", UNSET))

        def _parse_credential_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credential_id_type_0 = UUID(data)

                return credential_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        credential_id = _parse_credential_id(d.pop("credential_id", UNSET))

        def _parse_inbox_item_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inbox_item_id_type_0 = UUID(data)

                return inbox_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        inbox_item_id = _parse_inbox_item_id(d.pop("inbox_item_id", UNSET))

        def _parse_consent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_id_type_0 = UUID(data)

                return consent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        consent_id = _parse_consent_id(d.pop("consent_id", UNSET))

        log_entry = cls(
            id=id,
            at=at,
            type_=type_,
            action=action,
            counterparty_type=counterparty_type,
            counterparty_id=counterparty_id,
            counterparty_name=counterparty_name,
            attributes=attributes,
            share_id=share_id,
            credential_id=credential_id,
            inbox_item_id=inbox_item_id,
            consent_id=consent_id,
        )

        log_entry.additional_properties = d
        return log_entry

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
