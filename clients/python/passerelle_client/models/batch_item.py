from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_item_media_type import BatchItemMediaType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipient import Recipient


T = TypeVar("T", bound="BatchItem")


@_attrs_define
class BatchItem:
    """
    Attributes:
        recipient (Recipient): The learner: their Passerelle identifier, or an e-mail address (an invitation is mailed
            when no account has
            it).
        credential (str): The credential document as text: JSON or JSON-LD, a compact JWT, an SD-JWT, ELMO XML.
        media_type (BatchItemMediaType): The document's media type (`application/vc+jwt`, …).
        external_id (None | str | Unset): Your own identifier for the credential, echoed in events.
    """

    recipient: Recipient
    credential: str
    media_type: BatchItemMediaType
    external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient.to_dict()

        credential = self.credential

        media_type = self.media_type.value

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recipient": recipient,
                "credential": credential,
                "media_type": media_type,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipient import Recipient  # noqa: PLC0415

        d = dict(src_dict)
        recipient = Recipient.from_dict(d.pop("recipient"))

        credential = d.pop("credential")

        media_type = BatchItemMediaType(d.pop("media_type"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        batch_item = cls(
            recipient=recipient,
            credential=credential,
            media_type=media_type,
            external_id=external_id,
        )

        return batch_item
