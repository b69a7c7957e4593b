from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.issue_item_result_status import IssueItemResultStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issued_public import IssuedPublic
    from ..models.item_problem import ItemProblem
    from ..models.wallet_issuing_schemas_offer_public import WalletIssuingSchemasOfferPublic


T = TypeVar("T", bound="IssueItemResult")


@_attrs_define
class IssueItemResult:
    """
    Attributes:
        index (int):
        status (IssueItemResultStatus):
        issued (IssuedPublic | None | Unset):
        inbox_item_ids (list[UUID] | Unset):
        offer (None | Unset | WalletIssuingSchemasOfferPublic):
        problem (ItemProblem | None | Unset):
    """

    index: int
    status: IssueItemResultStatus
    issued: IssuedPublic | None | Unset = UNSET
    inbox_item_ids: list[UUID] | Unset = UNSET
    offer: None | Unset | WalletIssuingSchemasOfferPublic = UNSET
    problem: ItemProblem | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.issued_public import IssuedPublic  # noqa: PLC0415
        from ..models.item_problem import ItemProblem  # noqa: PLC0415
        from ..models.wallet_issuing_schemas_offer_public import WalletIssuingSchemasOfferPublic  # noqa: PLC0415

        index = self.index

        status = self.status.value

        issued: dict[str, Any] | None | Unset
        if isinstance(self.issued, Unset):
            issued = UNSET
        elif isinstance(self.issued, IssuedPublic):
            issued = self.issued.to_dict()
        else:
            issued = self.issued

        inbox_item_ids: list[str] | Unset = UNSET
        if not isinstance(self.inbox_item_ids, Unset):
            inbox_item_ids = []
            for inbox_item_ids_item_data in self.inbox_item_ids:
                inbox_item_ids_item = str(inbox_item_ids_item_data)
                inbox_item_ids.append(inbox_item_ids_item)

        offer: dict[str, Any] | None | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        elif isinstance(self.offer, WalletIssuingSchemasOfferPublic):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, ItemProblem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if issued is not UNSET:
            field_dict["issued"] = issued
        if inbox_item_ids is not UNSET:
            field_dict["inbox_item_ids"] = inbox_item_ids
        if offer is not UNSET:
            field_dict["offer"] = offer
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issued_public import IssuedPublic  # noqa: PLC0415
        from ..models.item_problem import ItemProblem  # noqa: PLC0415
        from ..models.wallet_issuing_schemas_offer_public import WalletIssuingSchemasOfferPublic  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = IssueItemResultStatus(d.pop("status"))

        def _parse_issued(data: object) -> IssuedPublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issued_type_0 = IssuedPublic.from_dict(data)

                return issued_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssuedPublic | None | Unset, data)

        issued = _parse_issued(d.pop("issued", UNSET))

        _inbox_item_ids = d.pop("inbox_item_ids", UNSET)
        inbox_item_ids: list[UUID] | Unset = UNSET
        if _inbox_item_ids is not UNSET:
            inbox_item_ids = []
            for inbox_item_ids_item_data in _inbox_item_ids:
                inbox_item_ids_item = UUID(inbox_item_ids_item_data)

                inbox_item_ids.append(inbox_item_ids_item)

        def _parse_offer(data: object) -> None | Unset | WalletIssuingSchemasOfferPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = WalletIssuingSchemasOfferPublic.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WalletIssuingSchemasOfferPublic, data)

        offer = _parse_offer(d.pop("offer", UNSET))

        def _parse_problem(data: object) -> ItemProblem | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = ItemProblem.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemProblem | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        issue_item_result = cls(
            index=index,
            status=status,
            issued=issued,
            inbox_item_ids=inbox_item_ids,
            offer=offer,
            problem=problem,
        )

        issue_item_result.additional_properties = d
        return issue_item_result

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
