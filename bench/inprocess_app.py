"""Baseline 1: the gateway's benchmarked reads served by one in-process Flask + SQLAlchemy app.

The same reads as the gateway's GET /api/v1/backoffice/overview (staff) and GET
/api/v1/dashboard (customer), without the services in between: the bearer token is verified
with PyJWT against identity's JWKS (fetched once by bench/fanout.py and handed over in a file),
then the same rows are read straight from the services' databases, with the services' own
models, repositories and read path, and returned in the same JSON.

Run under the gateway's gunicorn settings (bench/fanout.py does it):
    BENCH_JWKS_FILE=... BENCH_DB_IDENTITY=... BENCH_DB_CRM=... BENCH_DB_POLICY=... \\
    BENCH_DB_COLLECTIONS=... BENCH_DB_PAYMENTS=... \\
    gunicorn -c gateway/gateway/gunicorn_conf.py --chdir bench 'inprocess_app:create_app()'
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import jwt
from flask import Flask, Response, jsonify, request
from sqlalchemy import func, select

from clientarea_shared.db import Database
from clientarea_shared.paging import cut_page
from collections_service.models import Case
from collections_service.repository import CaseRepository
from crm_service.models import Client
from crm_service.repository import ClientRepository
from identity_service.models import Tenant, User
from payments_service.domain import is_overdue, is_unpaid
from payments_service.repository import InvoiceRepository
from policy_service.models import Policy

SUMMARY_ITEMS = 5
CLIENTS_PAGE = 20
STAFF_ROLES = frozenset({"admin", "agent", "salesperson"})
POOL_SIZE = int(os.environ.get("BENCH_POOL_SIZE", "4"))
ISSUER = os.environ.get("TOKEN_ISSUER", "clientarea-identity")
AUDIENCE = os.environ.get("TOKEN_AUDIENCE", "clientarea")


def _money(minor: int, currency: str) -> dict:
    return {"minor_units": minor, "currency": currency}


def _totals(amounts: list[tuple[int, str]]) -> list[dict]:
    sums: dict[str, int] = {}
    for minor, currency in amounts:
        sums[currency] = sums.get(currency, 0) + minor
    return [_money(sums[c], c) for c in sorted(sums)]


def _client(c: Client) -> dict:
    return {
        "id": c.id, "kind": c.kind, "display_name": c.display_name, "first_name": c.first_name,
        "last_name": c.last_name, "legal_name": c.legal_name, "tax_id_type": c.tax_id_type,
        "tax_id": c.tax_id, "email": c.email, "phone": c.phone,
        "birth_date": c.birth_date.isoformat() if c.birth_date else None,
        "has_portal_user": c.portal_user_id is not None, "created_at": c.created_at.isoformat(),
    }


def _case(k: Case) -> dict:
    return {"id": k.id, "number": k.number, "kind": k.kind, "phase": k.phase, "debtor_name": k.debtor_name,
            "amount": _money(k.amount_minor, k.currency), "opened_on": k.opened_on.isoformat()}


def _problem(status: int, code: str) -> tuple[Response, int]:
    response = jsonify(type="about:blank", status=status, code=code)
    response.mimetype = "application/problem+json"
    return response, status


def create_app() -> Flask:
    with open(os.environ["BENCH_JWKS_FILE"]) as f:
        keys = {k["kid"]: jwt.PyJWK(k, algorithm="RS256") for k in json.load(f)["keys"]}
    # The services' own Database and read path (autocommit reads, idle-only pings), with a
    # smaller pool: 2 workers x 5 databases x (10 + 10) would pass PostgreSQL's 100 connections.
    db = {name: Database(os.environ[f"BENCH_DB_{name.upper()}"], pool_size=POOL_SIZE)
          for name in ("identity", "crm", "policy", "collections", "payments")}
    app = Flask(__name__)

    def claims_of_bearer() -> dict | None:
        header = request.headers.get("Authorization", "")
        if not header.lower().startswith("bearer "):
            return None
        token = header[7:].strip()
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = keys.get(kid)
            if key is None:
                return None
            return jwt.decode(token, key.key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER,
                              leeway=5, options={"require": ["exp", "iat", "sub", "tid"]})
        except jwt.PyJWTError:
            return None

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get("/api/v1/dashboard")
    def dashboard():  # noqa: ANN202
        claims = claims_of_bearer()
        if claims is None:
            return _problem(401, "invalid_token")
        if "client" not in claims.get("roles", []) or not claims.get("cid"):
            return _problem(403, "role_forbidden")
        tenant_id, user_id, client_id = claims["tid"], claims["sub"], claims["cid"]

        with db["identity"].read() as s:
            user = s.scalars(select(User).where(User.tenant_id == tenant_id, User.id == user_id)).first()
            if user is None:
                return _problem(401, "user_inactive")
            tenant = s.get(Tenant, user.tenant_id)
            identity = {"display_name": user.display_name,
                        "tenant": {"id": tenant.id, "slug": tenant.slug, "name": tenant.name}}
        with db["crm"].read() as s:
            c = s.scalars(select(Client).where(Client.tenant_id == tenant_id, Client.id == client_id)).first()
            client = None if c is None else _client(c)
        with db["policy"].read() as s:
            policies = [
                {"id": p.id, "number": p.number, "line": p.line, "status": p.status,
                 "premium": _money(p.premium_minor, p.currency),
                 "ends_on": p.ends_on.isoformat() if p.ends_on else None}
                for p in s.scalars(select(Policy).where(Policy.tenant_id == tenant_id, Policy.client_id == client_id)
                                   .order_by(Policy.id).limit(SUMMARY_ITEMS))
            ]
        with db["collections"].read() as s:
            cases = [
                _case(k) for k in s.scalars(select(Case).where(Case.tenant_id == tenant_id, Case.client_id == client_id,
                                                      Case.status == "open")
                                   .order_by(Case.id).limit(SUMMARY_ITEMS))
            ]
        today = datetime.now(UTC).date()
        with db["payments"].read() as s:
            invoices = InvoiceRepository(s, tenant_id).open_of_client(client_id)
            balance = {
                "owed": _totals([(i.amount_due_minor, i.currency) for i in invoices
                                 if is_unpaid(i.status, i.amount_due_minor)]),
                "overdue": _totals([(i.amount_due_minor, i.currency) for i in invoices
                                    if is_overdue(i.status, i.amount_due_minor, i.due_on, today)]),
            }
        response = jsonify({**identity, "client": client, "policies": policies, "open_cases": cases,
                            "balance": balance, "notices": []})
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/api/v1/backoffice/overview")
    def overview():  # noqa: ANN202
        claims = claims_of_bearer()
        if claims is None:
            return _problem(401, "invalid_token")
        if not STAFF_ROLES & set(claims.get("roles", [])):
            return _problem(403, "role_forbidden")
        tenant_id, user_id = claims["tid"], claims["sub"]

        with db["identity"].read() as s:
            user = s.get(User, user_id)
            if user is None or user.tenant_id != tenant_id:
                return _problem(401, "user_inactive")
            tenant = s.get(Tenant, user.tenant_id)
            me = {"user_id": user.id, "display_name": user.display_name, "email": user.email,
                  "roles": list(user.roles), "tenant": {"id": tenant.id, "slug": tenant.slug, "name": tenant.name}}
        with db["crm"].read() as s:
            rows = ClientRepository(s, tenant_id).page(q="", after_id=None, limit=CLIENTS_PAGE)
            # client search: the list answers how many clients match (here: all of the firm's).
            total = s.scalar(select(func.count()).select_from(Client).where(Client.tenant_id == tenant_id))
        clients, page = cut_page(rows, CLIENTS_PAGE, key=lambda c: c.id)
        with db["collections"].read() as s:
            rows = CaseRepository(s, tenant_id).page(client_id="", status="open", after_id=None,
                                                     limit=SUMMARY_ITEMS)
        cases, _ = cut_page(rows, SUMMARY_ITEMS, key=lambda k: k.id)
        response = jsonify({"me": me, "clients": {"items": [_client(c) for c in clients],
                                                  "next_cursor": page.next_cursor or None, "total": total},
                            "open_cases": [_case(k) for k in cases], "notices": []})
        response.headers["Cache-Control"] = "no-store"
        return response

    return app
