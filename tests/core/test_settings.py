"""Settings refuse unsafe configurations."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from core.settings import Settings


class TestSettings:
    @pytest.mark.parametrize(
        "public_url", ["http://127.0.0.1:8000", "https://localhost", "http://[::1]:8000", "https://127.0.0.2"]
    )
    def test_production_refuses_a_loopback_public_url(self, public_url: str) -> None:
        with pytest.raises(ValidationError):
            Settings(environment="production", public_url=public_url)

    def test_production_with_a_public_url(self) -> None:
        assert Settings(environment="production", public_url="https://wallet.example.eu").effective_token_issuer == (
            "https://wallet.example.eu"
        )

    @pytest.mark.parametrize("algorithms", [["HS256"], ["RS256", "ES256"], ["none"], []])
    def test_external_algorithms_are_one_asymmetric_family(self, algorithms: list[str]) -> None:
        with pytest.raises(ValidationError):
            Settings(oidc_algorithms=algorithms)

    def test_external_oidc_needs_all_three_settings(self) -> None:
        with pytest.raises(ValidationError):
            Settings(oidc_issuer="https://idp.example.eu")

    def test_sqlite_default_lives_in_the_data_directory(self) -> None:
        url = Settings(data_dir="/srv/passerelle").effective_database_url
        assert url == "sqlite+aiosqlite:////srv/passerelle/passerelle.db"
