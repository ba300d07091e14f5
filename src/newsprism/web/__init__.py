"""The web UI and JSON API (the `web` extra: fastapi, uvicorn, jinja2)."""

from __future__ import annotations

import os

from .app import create_app


def serve(store_url_or_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve a store's pages and JSON API with uvicorn until interrupted (localhost by default)."""
    import uvicorn

    uvicorn.run(create_app(store_url_or_path), host=host, port=port)


__all__ = ["create_app", "serve"]
