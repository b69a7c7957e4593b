from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.share_event_public_event import ShareEventPublicEvent
from ..models.share_event_public_viewer_class import ShareEventPublicViewerClass

T = TypeVar("T", bound="ShareEventPublic")


@_attrs_define
class ShareEventPublic:
    """
    Attributes:
        id (UUID):
        event (ShareEventPublicEvent):
        at (datetime.datetime):
        fields (list[str]):
        viewer_class (ShareEventPublicViewerClass):
        viewer_body_id (None | UUID):
        automated (bool):
        count (int): How many accesses this entry stands for: 1, except for landings, where the identical landings of
            the link within one second (same kind of viewer, same network, automated or not) are one entry, at the time of
            the first.
    """

    id: UUID
    event: ShareEventPublicEvent
    at: datetime.datetime
    fields: list[str]
    viewer_class: ShareEventPublicViewerClass
    viewer_body_id: None | UUID
    automated: bool
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        event = self.event.value

        at = self.at.isoformat()

        fields = self.fields

        viewer_class = self.viewer_class.value

        viewer_body_id: None | str
        if isinstance(self.viewer_body_id, UUID):
            viewer_body_id = str(self.viewer_body_id)
        else:
            viewer_body_id = self.viewer_body_id

        automated = self.automated

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event": event,
                "at": at,
                "fields": fields,
                "viewer_class": viewer_class,
                "viewer_body_id": viewer_body_id,
                "automated": automated,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        event = ShareEventPublicEvent(d.pop("event"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        fields = cast(list[str], d.pop("fields"))

        viewer_class = ShareEventPublicViewerClass(d.pop("viewer_class"))

        def _parse_viewer_body_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                viewer_body_id_type_0 = UUID(data)

                return viewer_body_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        viewer_body_id = _parse_viewer_body_id(d.pop("viewer_body_id"))

        automated = d.pop("automated")

        count = d.pop("count")

        share_event_public = cls(
            id=id,
            event=event,
            at=at,
            fields=fields,
            viewer_class=viewer_class,
            viewer_body_id=viewer_body_id,
            automated=automated,
            count=count,
        )

        share_event_public.additional_properties = d
        return share_event_public

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
