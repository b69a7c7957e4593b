"""The ASGI application for `uvicorn api.main:app` (settings from the environment)."""

from api.app import create_app
from api.logging import configure
from core.settings import get_settings

_settings = get_settings()
configure(_settings.log_level, json_output=_settings.log_json)
app = create_app(_settings)
