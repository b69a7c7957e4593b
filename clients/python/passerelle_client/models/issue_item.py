from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_recipient import IssueRecipient


T = TypeVar("T", bound="IssueItem")


@_attrs_define
class IssueItem:
    """
    Attributes:
        recipient (IssueRecipient):
        grade (None | str | Unset):
        awarded_on (datetime.date | None | Unset): Defaults to the day of issuing.
        external_id (None | str | Unset):
    """

    recipient: IssueRecipient
    grade: None | str | Unset = UNSET
    awarded_on: datetime.date | None | Unset = UNSET
    external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient.to_dict()

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        awarded_on: None | str | Unset
        if isinstance(self.awarded_on, Unset):
            awarded_on = UNSET
        elif isinstance(self.awarded_on, datetime.date):
            awarded_on = self.awarded_on.isoformat()
        else:
            awarded_on = self.awarded_on

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade
        if awarded_on is not UNSET:
            field_dict["awarded_on"] = awarded_on
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_recipient import IssueRecipient  # noqa: PLC0415

        d = dict(src_dict)
        recipient = IssueRecipient.from_dict(d.pop("recipient"))

        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_awarded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                awarded_on_type_0 = datetime.date.fromisoformat(data)

                return awarded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        awarded_on = _parse_awarded_on(d.pop("awarded_on", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        issue_item = cls(
            recipient=recipient,
            grade=grade,
            awarded_on=awarded_on,
            external_id=external_id,
        )

        return issue_item
