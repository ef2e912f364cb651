"""The pure rules behind the login by e-mailed code and passkeys: the shared six-digit code
machinery, the relying party from the public URL, the signature counter rule, decoy credentials."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from identity_service.domain import email_codes, tokens
from identity_service.domain import webauthn_ceremonies as ceremonies

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@dataclass
class Row:
    id: str = "row-1"
    code_hash: str = ""
    attempts: int = 0
    sends: int = 1
    sent_at: datetime = NOW
    expires_at: datetime = NOW


def test_a_code_is_stored_hashed_valid_ten_minutes_and_judged_five_times():
    row = Row()
    code = email_codes.issue(row, NOW)
    assert len(code) == 6 and code.isdigit() and row.code_hash == tokens.code_hash(code, "row-1")
    assert email_codes.seconds_valid(row, NOW) == 600 and email_codes.seconds_until_resend(row, NOW) == 60
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert [email_codes.check(row, wrong, NOW) for _ in range(5)] == ["wrong"] * 5
    assert email_codes.check(row, code, NOW) == "too_many_tries"
    assert email_codes.refusal("wrong", Row(attempts=4)).errors[0].message == "The code is not correct (1 tries left)"
    fresh = Row()
    code = email_codes.issue(fresh, NOW)
    assert email_codes.check(fresh, f" {code} ", NOW) == "right"
    assert email_codes.check(fresh, code, NOW + timedelta(minutes=10)) == "expired"


def test_a_new_code_waits_a_minute_and_stops_after_five():
    row = Row(sent_at=NOW)
    too_soon = email_codes.resend_refusal(row, NOW + timedelta(seconds=30), start_again="start again")
    assert too_soon is not None and too_soon.code == "resend_too_soon" and too_soon.retry_after_seconds == 31
    assert email_codes.resend_refusal(row, NOW + timedelta(seconds=60), start_again="x") is None
    spent = email_codes.resend_refusal(Row(sends=5), NOW + timedelta(minutes=2), start_again="start again later")
    assert spent is not None and spent.code == "too_many_codes" and spent.message.endswith("start again later")


@pytest.mark.parametrize(("url", "rp_id", "origins"), [
    ("https://portal.example.com", "portal.example.com", ("https://portal.example.com",)),
    ("https://portal.example.com:8443/", "portal.example.com", ("https://portal.example.com:8443",)),
    ("http://127.0.0.1:8080", "localhost", ("http://localhost:8080",)),  # browsers refuse IPs as RP ids
    ("http://portal.test", "portal.test", ("http://portal.test",)),
])
def test_the_relying_party_comes_from_the_public_url(url, rp_id, origins):
    rp = ceremonies.relying_party(url)
    assert (rp.id, rp.origins) == (rp_id, origins)


def test_the_relying_party_can_be_set_apart():
    rp = ceremonies.relying_party("https://a.example.com", rp_id="example.com",
                                  origins="https://a.example.com, https://b.example.com/")
    assert rp.id == "example.com" and rp.origins == ("https://a.example.com", "https://b.example.com")


def test_a_counter_that_does_not_grow_means_a_cloned_authenticator():
    assert not ceremonies.counter_regressed(0, 0)  # keeps no counter (synced passkeys)
    assert not ceremonies.counter_regressed(4, 5)
    assert ceremonies.counter_regressed(5, 5) and ceremonies.counter_regressed(5, 2)
    assert ceremonies.counter_regressed(5, 0)


def test_decoys_are_stable_per_login_and_look_like_credentials():
    secret = b"k" * 32
    first = ceremonies.decoy_credentials(secret, "t1", "Ana@Example.test")
    assert first == ceremonies.decoy_credentials(secret, "t1", " ana@example.test ")
    assert first != ceremonies.decoy_credentials(secret, "t2", "ana@example.test")
    assert first != ceremonies.decoy_credentials(b"x" * 32, "t1", "ana@example.test")
    assert 1 <= len(first) <= 2
    for credential_id, transports in first:
        assert len(ceremonies.base64url_to_bytes(credential_id)) in (16, 20, 32) and transports


def test_a_passkey_name_is_trimmed_and_bounded():
    assert ceremonies.passkey_name("  Mi   teléfono ") == "Mi teléfono"
    for bad in ("", "   ", "x" * 61):
        with pytest.raises(ValueError):
            ceremonies.passkey_name(bad)


def test_the_challenge_is_read_back_from_the_signed_client_data():
    challenge = ceremonies.new_challenge()
    assert len(challenge) == 32 and ceremonies.challenge_hash(challenge) != ceremonies.challenge_hash(b"other")
    import base64
    import json

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    client_data = b64(json.dumps({"type": "webauthn.get", "challenge": b64(challenge)}).encode())
    assert ceremonies.claimed_challenge(json.dumps({"response": {"clientDataJSON": client_data}})) == challenge
    assert ceremonies.claimed_challenge("not json") is None
    assert ceremonies.claimed_challenge(json.dumps({"response": {}})) is None
