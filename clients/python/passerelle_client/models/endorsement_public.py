from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.endorser_public import EndorserPublic


T = TypeVar("T", bound="EndorsementPublic")


@_attrs_define
class EndorsementPublic:
    """
    Attributes:
        id (UUID):
        endorser (EndorserPublic):
        comment (None | str):
        endorsed_at (datetime.datetime):
        entry_version (int): The version of the entry the endorser confirmed.
        covers_current_version (bool): False when the learner edited the entry afterwards: the endorsement is about an
            earlier version.
        jws (str): The endorsement signed by the service (compact JWS, ES256, typ `learning-endorsement+jwt`); verify it
            with the keys at `/.well-known/jwks.json`.
    """

    id: UUID
    endorser: EndorserPublic
    comment: None | str
    endorsed_at: datetime.datetime
    entry_version: int
    covers_current_version: bool
    jws: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        endorser = self.endorser.to_dict()

        comment: None | str
        comment = self.comment

        endorsed_at = self.endorsed_at.isoformat()

        entry_version = self.entry_version

        covers_current_version = self.covers_current_version

        jws = self.jws

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "endorser": endorser,
                "comment": comment,
                "endorsed_at": endorsed_at,
                "entry_version": entry_version,
                "covers_current_version": covers_current_version,
                "jws": jws,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endorser_public import EndorserPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        endorser = EndorserPublic.from_dict(d.pop("endorser"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        endorsed_at = datetime.datetime.fromisoformat(d.pop("endorsed_at"))

        entry_version = d.pop("entry_version")

        covers_current_version = d.pop("covers_current_version")

        jws = d.pop("jws")

        endorsement_public = cls(
            id=id,
            endorser=endorser,
            comment=comment,
            endorsed_at=endorsed_at,
            entry_version=entry_version,
            covers_current_version=covers_current_version,
            jws=jws,
        )

        endorsement_public.additional_properties = d
        return endorsement_public

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
