from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inbox_item_public_source import InboxItemPublicSource
from ..models.inbox_item_public_status import InboxItemPublicStatus

if TYPE_CHECKING:
    from ..models.inbox_item_public_summary import InboxItemPublicSummary
    from ..models.institution_ref import InstitutionRef
    from ..models.issuer_ref import IssuerRef


T = TypeVar("T", bound="InboxItemPublic")


@_attrs_define
class InboxItemPublic:
    """
    Attributes:
        id (UUID):
        source (InboxItemPublicSource): `push`: an institution sent it; `openid4vci`: you collected it from a credential
            issuer's offer.
        institution (InstitutionRef | None): The institution that pushed it; `null` when collected.
        issuer (IssuerRef | None): The credential issuer you collected it from (OpenID4VCI); `null` when pushed.
        title (None | str):
        format_ (str):
        summary (InboxItemPublicSummary): What the credential says, to decide before accepting.
        status (InboxItemPublicStatus):
        credential_id (None | UUID): The wallet credential, once accepted.
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
    """

    id: UUID
    source: InboxItemPublicSource
    institution: InstitutionRef | None
    issuer: IssuerRef | None
    title: None | str
    format_: str
    summary: InboxItemPublicSummary
    status: InboxItemPublicStatus
    credential_id: None | UUID
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.institution_ref import InstitutionRef  # noqa: PLC0415
        from ..models.issuer_ref import IssuerRef  # noqa: PLC0415

        id = str(self.id)

        source = self.source.value

        institution: dict[str, Any] | None
        if isinstance(self.institution, InstitutionRef):
            institution = self.institution.to_dict()
        else:
            institution = self.institution

        issuer: dict[str, Any] | None
        if isinstance(self.issuer, IssuerRef):
            issuer = self.issuer.to_dict()
        else:
            issuer = self.issuer

        title: None | str
        title = self.title

        format_ = self.format_

        summary = self.summary.to_dict()

        status = self.status.value

        credential_id: None | str
        if isinstance(self.credential_id, UUID):
            credential_id = str(self.credential_id)
        else:
            credential_id = self.credential_id

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source": source,
                "institution": institution,
                "issuer": issuer,
                "title": title,
                "format": format_,
                "summary": summary,
                "status": status,
                "credential_id": credential_id,
                "created_at": created_at,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inbox_item_public_summary import InboxItemPublicSummary  # noqa: PLC0415
        from ..models.institution_ref import InstitutionRef  # noqa: PLC0415
        from ..models.issuer_ref import IssuerRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        source = InboxItemPublicSource(d.pop("source"))

        def _parse_institution(data: object) -> InstitutionRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                institution_type_0 = InstitutionRef.from_dict(data)

                return institution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstitutionRef | None, data)

        institution = _parse_institution(d.pop("institution"))

        def _parse_issuer(data: object) -> IssuerRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issuer_type_0 = IssuerRef.from_dict(data)

                return issuer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssuerRef | None, data)

        issuer = _parse_issuer(d.pop("issuer"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        format_ = d.pop("format")

        summary = InboxItemPublicSummary.from_dict(d.pop("summary"))

        status = InboxItemPublicStatus(d.pop("status"))

        def _parse_credential_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credential_id_type_0 = UUID(data)

                return credential_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        credential_id = _parse_credential_id(d.pop("credential_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        inbox_item_public = cls(
            id=id,
            source=source,
            institution=institution,
            issuer=issuer,
            title=title,
            format_=format_,
            summary=summary,
            status=status,
            credential_id=credential_id,
            created_at=created_at,
            decided_at=decided_at,
        )

        inbox_item_public.additional_properties = d
        return inbox_item_public

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
