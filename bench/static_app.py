"""Baseline 2, the framework's ceiling: Flask under the gateway's gunicorn settings answering a
fixed JSON document after the gateway's own token check (clientarea_shared.auth.TokenVerifier)
and role check. No gRPC, no database.

The document is the gateway's real answer for the figure's path, captured by bench/fanout.py, so
the response has the same size. Environment: BENCH_JWKS_FILE, BENCH_STATIC_BODY_FILE,
BENCH_STATIC_PATH (the route) and BENCH_STATIC_ROLES (comma-separated: who may read it).
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response, jsonify, request

from clientarea_shared.auth import TokenVerifier
from clientarea_shared.errors import DomainError

ISSUER = os.environ.get("TOKEN_ISSUER", "clientarea-identity")
AUDIENCE = os.environ.get("TOKEN_AUDIENCE", "clientarea")


def create_app() -> Flask:
    jwks = Path(os.environ["BENCH_JWKS_FILE"]).read_text()
    body = Path(os.environ["BENCH_STATIC_BODY_FILE"]).read_bytes()
    path = os.environ.get("BENCH_STATIC_PATH", "/api/v1/dashboard")
    roles = frozenset(os.environ.get("BENCH_STATIC_ROLES", "client").split(","))
    verifier = TokenVerifier(lambda: jwks, ISSUER, AUDIENCE)
    app = Flask(__name__)

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get(path)
    def fixed_answer():  # noqa: ANN202
        header = request.headers.get("Authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        try:
            principal = verifier.verify(token)
        except DomainError:
            return jsonify(status=401, code="invalid_token"), 401
        if not principal.has_any(roles):
            return jsonify(status=403, code="role_forbidden"), 403
        return Response(body, mimetype="application/json", headers={"Cache-Control": "no-store"})

    return app
