"""Fixtures for the recognition tests: an administrator, an institution's system, credentials with set summaries."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.recognition.factories import Institution, create_institution


@pytest.fixture
async def institution(client: httpx.AsyncClient, connection: AsyncConnection) -> Institution:
    return await create_institution(client, connection, name="Universiteit Leiden")


@pytest.fixture
async def other_institution(client: httpx.AsyncClient, connection: AsyncConnection) -> Institution:
    return await create_institution(client, connection, name="Université de Lyon")
