from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requested_endorser_input import RequestedEndorserInput


T = TypeVar("T", bound="EndorsementRequestCreate")


@_attrs_define
class EndorsementRequestCreate:
    """
    Attributes:
        endorser (RequestedEndorserInput):
        message (None | str | Unset): A note to the endorser; they read it with the entry.
    """

    endorser: RequestedEndorserInput
    message: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        endorser = self.endorser.to_dict()

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endorser": endorser,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requested_endorser_input import RequestedEndorserInput  # noqa: PLC0415

        d = dict(src_dict)
        endorser = RequestedEndorserInput.from_dict(d.pop("endorser"))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        endorsement_request_create = cls(
            endorser=endorser,
            message=message,
        )

        return endorsement_request_create
