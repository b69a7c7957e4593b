from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change_public_new_values import ChangePublicNewValues
    from ..models.change_public_old_values import ChangePublicOldValues


T = TypeVar("T", bound="ChangePublic")


@_attrs_define
class ChangePublic:
    """
    Attributes:
        id (UUID):
        actor_id (None | UUID):
        actor_role (str):
        entity (str):
        entity_id (UUID):
        entity_key (str):
        action (str):
        old_values (ChangePublicOldValues):
        new_values (ChangePublicNewValues):
        reason (str):
        created_at (datetime.datetime):
    """

    id: UUID
    actor_id: None | UUID
    actor_role: str
    entity: str
    entity_id: UUID
    entity_key: str
    action: str
    old_values: ChangePublicOldValues
    new_values: ChangePublicNewValues
    reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_role = self.actor_role

        entity = self.entity

        entity_id = str(self.entity_id)

        entity_key = self.entity_key

        action = self.action

        old_values = self.old_values.to_dict()

        new_values = self.new_values.to_dict()

        reason = self.reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "actor_id": actor_id,
                "actor_role": actor_role,
                "entity": entity,
                "entity_id": entity_id,
                "entity_key": entity_key,
                "action": action,
                "old_values": old_values,
                "new_values": new_values,
                "reason": reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_public_new_values import ChangePublicNewValues  # noqa: PLC0415
        from ..models.change_public_old_values import ChangePublicOldValues  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        actor_role = d.pop("actor_role")

        entity = d.pop("entity")

        entity_id = UUID(d.pop("entity_id"))

        entity_key = d.pop("entity_key")

        action = d.pop("action")

        old_values = ChangePublicOldValues.from_dict(d.pop("old_values"))

        new_values = ChangePublicNewValues.from_dict(d.pop("new_values"))

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        change_public = cls(
            id=id,
            actor_id=actor_id,
            actor_role=actor_role,
            entity=entity,
            entity_id=entity_id,
            entity_key=entity_key,
            action=action,
            old_values=old_values,
            new_values=new_values,
            reason=reason,
            created_at=created_at,
        )

        change_public.additional_properties = d
        return change_public

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
