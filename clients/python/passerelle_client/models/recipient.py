from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Recipient")


@_attrs_define
class Recipient:
    """The learner: their Passerelle identifier, or an e-mail address (an invitation is mailed when no account has
    it).

        Attributes:
            learner_id (None | Unset | UUID):
            email (None | str | Unset):
    """

    learner_id: None | Unset | UUID = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        learner_id: None | str | Unset
        if isinstance(self.learner_id, Unset):
            learner_id = UNSET
        elif isinstance(self.learner_id, UUID):
            learner_id = str(self.learner_id)
        else:
            learner_id = self.learner_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_learner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                learner_id_type_0 = UUID(data)

                return learner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        learner_id = _parse_learner_id(d.pop("learner_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        recipient = cls(
            learner_id=learner_id,
            email=email,
        )

        return recipient
