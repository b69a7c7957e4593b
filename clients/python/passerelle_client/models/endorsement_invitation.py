from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entry_for_endorser import EntryForEndorser
    from ..models.requested_endorser_output import RequestedEndorserOutput


T = TypeVar("T", bound="EndorsementInvitation")


@_attrs_define
class EndorsementInvitation:
    """What an endorsement link shows: who asks, what to endorse, until when.

    Attributes:
        learner (str): The learner's display name.
        requested_endorser (RequestedEndorserOutput):
        message (None | str):
        entry (EntryForEndorser):
        expires_at (datetime.datetime):
    """

    learner: str
    requested_endorser: RequestedEndorserOutput
    message: None | str
    entry: EntryForEndorser
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        learner = self.learner

        requested_endorser = self.requested_endorser.to_dict()

        message: None | str
        message = self.message

        entry = self.entry.to_dict()

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "learner": learner,
                "requested_endorser": requested_endorser,
                "message": message,
                "entry": entry,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_for_endorser import EntryForEndorser  # noqa: PLC0415
        from ..models.requested_endorser_output import RequestedEndorserOutput  # noqa: PLC0415

        d = dict(src_dict)
        learner = d.pop("learner")

        requested_endorser = RequestedEndorserOutput.from_dict(d.pop("requested_endorser"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        entry = EntryForEndorser.from_dict(d.pop("entry"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        endorsement_invitation = cls(
            learner=learner,
            requested_endorser=requested_endorser,
            message=message,
            entry=entry,
            expires_at=expires_at,
        )

        endorsement_invitation.additional_properties = d
        return endorsement_invitation

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
