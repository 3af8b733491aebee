"""Fixtures: the application called directly (serve.wsgi_client), no network needed."""

from __future__ import annotations

import pytest

from checker.serve import ServeSettings, make_app
from serve.wsgi_client import Client


@pytest.fixture
def make_client():
    apps = []

    def build(**settings) -> Client:
        app = make_app(ServeSettings(**settings))
        apps.append(app)
        return Client(app)

    yield build
    for app in apps:
        app.close()


@pytest.fixture
def client(make_client) -> Client:
    return make_client()
