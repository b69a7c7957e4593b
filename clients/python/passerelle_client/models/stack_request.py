from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stack_target import StackTarget
    from ..models.stacked_summary import StackedSummary


T = TypeVar("T", bound="StackRequest")


@_attrs_define
class StackRequest:
    """
    Attributes:
        target (StackTarget):
        credential_ids (list[UUID] | Unset): Credentials of your wallet.
        summaries (list[StackedSummary] | Unset): Summaries given inline.
        institution_id (None | Unset | UUID): Convert credits with this institution's rules.
    """

    target: StackTarget
    credential_ids: list[UUID] | Unset = UNSET
    summaries: list[StackedSummary] | Unset = UNSET
    institution_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        target = self.target.to_dict()

        credential_ids: list[str] | Unset = UNSET
        if not isinstance(self.credential_ids, Unset):
            credential_ids = []
            for credential_ids_item_data in self.credential_ids:
                credential_ids_item = str(credential_ids_item_data)
                credential_ids.append(credential_ids_item)

        summaries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.summaries, Unset):
            summaries = []
            for summaries_item_data in self.summaries:
                summaries_item = summaries_item_data.to_dict()
                summaries.append(summaries_item)

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target": target,
            }
        )
        if credential_ids is not UNSET:
            field_dict["credential_ids"] = credential_ids
        if summaries is not UNSET:
            field_dict["summaries"] = summaries
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stack_target import StackTarget  # noqa: PLC0415
        from ..models.stacked_summary import StackedSummary  # noqa: PLC0415

        d = dict(src_dict)
        target = StackTarget.from_dict(d.pop("target"))

        _credential_ids = d.pop("credential_ids", UNSET)
        credential_ids: list[UUID] | Unset = UNSET
        if _credential_ids is not UNSET:
            credential_ids = []
            for credential_ids_item_data in _credential_ids:
                credential_ids_item = UUID(credential_ids_item_data)

                credential_ids.append(credential_ids_item)

        _summaries = d.pop("summaries", UNSET)
        summaries: list[StackedSummary] | Unset = UNSET
        if _summaries is not UNSET:
            summaries = []
            for summaries_item_data in _summaries:
                summaries_item = StackedSummary.from_dict(summaries_item_data)

                summaries.append(summaries_item)

        def _parse_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))

        stack_request = cls(
            target=target,
            credential_ids=credential_ids,
            summaries=summaries,
            institution_id=institution_id,
        )

        return stack_request
