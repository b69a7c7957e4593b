from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrustCertificateCreate")


@_attrs_define
class TrustCertificateCreate:
    """
    Attributes:
        certificate_pem (str):
        label (str):
    """

    certificate_pem: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        certificate_pem = self.certificate_pem

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "certificate_pem": certificate_pem,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certificate_pem = d.pop("certificate_pem")

        label = d.pop("label")

        trust_certificate_create = cls(
            certificate_pem=certificate_pem,
            label=label,
        )

        return trust_certificate_create
