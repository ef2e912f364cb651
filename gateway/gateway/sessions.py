"""Server-side sessions of the web client: the browser holds only an opaque HttpOnly cookie;
the tokens stay here (Redis in a cluster, an SQLite file in embedded mode)."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

import redis

SESSION_COOKIE = "ca_session"
CSRF_COOKIE = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


@dataclass
class WebSession:
    access_token: str
    refresh_token: str
    access_expires_at: float
    csrf_token: str


class SessionStore(Protocol):
    def get(self, session_id: str) -> WebSession | None: ...
    def put(self, session_id: str, session: WebSession, ttl_seconds: int) -> None: ...
    def delete(self, session_id: str) -> None: ...
    def ping(self) -> bool: ...


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


class RedisSessionStore:
    def __init__(self, url: str):
        self._redis = redis.Redis.from_url(url)

    def get(self, session_id: str) -> WebSession | None:
        raw = self._redis.get(f"ca:session:{session_id}")
        return WebSession(**json.loads(raw)) if raw else None

    def put(self, session_id: str, session: WebSession, ttl_seconds: int) -> None:
        self._redis.set(f"ca:session:{session_id}", json.dumps(asdict(session)), ex=ttl_seconds)

    def delete(self, session_id: str) -> None:
        self._redis.delete(f"ca:session:{session_id}")

    def ping(self) -> bool:
        try:
            return bool(self._redis.ping())
        except redis.RedisError:
            return False


class SqliteSessionStore:
    def __init__(self, path: Path):
        self._path = path
        self._local = threading.local()
        self._db().execute(
            "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, data TEXT, expires REAL)"
        )

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            self._local.db = db
        return db

    def get(self, session_id: str) -> WebSession | None:
        row = self._db().execute(
            "SELECT data FROM sessions WHERE id = ? AND expires > ?", (session_id, time.time())
        ).fetchone()
        return WebSession(**json.loads(row[0])) if row else None

    def put(self, session_id: str, session: WebSession, ttl_seconds: int) -> None:
        db = self._db()
        db.execute("DELETE FROM sessions WHERE expires <= ?", (time.time(),))
        db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?, ?)",
                   (session_id, json.dumps(asdict(session)), time.time() + ttl_seconds))

    def delete(self, session_id: str) -> None:
        self._db().execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def ping(self) -> bool:
        return True


def store_from_settings(redis_url: str, var_dir: Path) -> SessionStore:
    if redis_url:
        return RedisSessionStore(redis_url)
    var_dir.mkdir(parents=True, exist_ok=True)
    return SqliteSessionStore(var_dir / "gateway-sessions.sqlite")
