"""Campaign rules (no I/O): what a campaign's message may be on each channel, how long an SMS and
a voice call are, the placeholders, and which address of a client each channel uses.

The SMS and voice measures are mirrored for the web's live counter in
`web/src/pages/clients/campaignMeasure.ts`; both are tested with the same examples, so keep them
in step.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import phonenumbers

from clientarea_shared.errors import FieldError, Invalid

CHANNELS = ("email", "sms", "voice")
NAME_MAX = 120
SUBJECT_MAX = 200
EMAIL_BODY_MAX = 10_000
SMS_MAX_SEGMENTS = 3
VOICE_MAX_SECONDS = 30
# An unhurried recorded message is about 150 words a minute in Spanish, Catalan, English and
# Portuguese alike, so 30 seconds hold 75 words.
VOICE_WORDS_PER_MINUTE = 150

# {nombre}: the client's name (a person's full name, a company's legal name).
PLACEHOLDERS = ("nombre",)
_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")
# How a placeholder is measured before the recipients are known (the web's counter too): as a
# typical Spanish full name, 24 characters and three words.
PLACEHOLDER_SAMPLE = "Nombre Apellido Apellido"

# GSM 03.38: the basic alphabet (one septet each) and its extension table (two: escape + char).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # "gsm7" | "ucs2"
    units: int  # septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2)
    segments: int


def sms_length(text: str) -> SmsLength:
    """How an SMS travels: GSM-7 holds 160 septets in one message, 153 per part when split; a
    single character outside GSM-7 makes it UCS-2, 70 units in one message, 67 per part."""
    if all(ch in GSM_BASIC or ch in GSM_EXTENDED for ch in text):
        units = sum(2 if ch in GSM_EXTENDED else 1 for ch in text)
        single, part, encoding = 160, 153, "gsm7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = 70, 67, "ucs2"
    segments = 0 if units == 0 else 1 if units <= single else math.ceil(units / part)
    return SmsLength(encoding, units, segments)


def voice_words(text: str) -> int:
    return len(text.split())


def voice_seconds(text: str) -> int:
    """Seconds the text takes to say at VOICE_WORDS_PER_MINUTE, rounded up."""
    return math.ceil(voice_words(text) * 60 / VOICE_WORDS_PER_MINUTE)


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def fill(text: str, *, name: str) -> str:
    """The text with its placeholders filled in for one recipient."""
    values = {"nombre": name}
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def sample(text: str) -> str:
    """The text as measured before the recipients are known."""
    return fill(text, name=PLACEHOLDER_SAMPLE)


@dataclass(frozen=True)
class CampaignInput:
    name: str
    channel: str
    subject: str
    body: str


def _check_placeholders(field: str, text: str) -> list[FieldError]:
    unknown = sorted({p for p in placeholders_in(text) if p not in PLACEHOLDERS})
    if not unknown:
        return []
    known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
    return [FieldError(field, "unknown_placeholder",
                       f"Unknown placeholder {', '.join(f'{{{p}}}' for p in unknown)}; use {known}")]


def body_errors(channel: str, body: str) -> list[FieldError]:
    """The body's length on its channel (measured with the placeholders as a sample name)."""
    measured = sample(body)
    if channel == "sms":
        length = sms_length(measured)
        if length.segments > SMS_MAX_SEGMENTS:
            return [FieldError("body", "too_long", f"An SMS may take at most {SMS_MAX_SEGMENTS} messages; "
                                                   f"this one takes {length.segments}")]
    elif channel == "voice":
        if voice_seconds(measured) > VOICE_MAX_SECONDS:
            return [FieldError("body", "too_long", f"A voice message must fit {VOICE_MAX_SECONDS} seconds "
                                                   f"(about {VOICE_MAX_SECONDS * VOICE_WORDS_PER_MINUTE // 60} "
                                                   f"words); this one takes about {voice_seconds(measured)}")]
    elif len(body) > EMAIL_BODY_MAX:
        return [FieldError("body", "too_long", f"At most {EMAIL_BODY_MAX} characters")]
    return []


def validate_campaign(data: CampaignInput) -> CampaignInput:
    """The campaign cleaned up (names trimmed, no subject off e-mail), or Invalid with every error."""
    name, subject, body = data.name.strip(), data.subject.strip(), data.body.strip()
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", "required", "Name the campaign"))
    elif len(name) > NAME_MAX:
        errors.append(FieldError("name", "too_long", f"At most {NAME_MAX} characters"))
    if data.channel not in CHANNELS:
        errors.append(FieldError("channel", "unknown", f"One of {', '.join(CHANNELS)}"))
    if data.channel == "email":
        if not subject:
            errors.append(FieldError("subject", "required", "An e-mail needs a subject"))
        elif len(subject) > SUBJECT_MAX or "\n" in subject:
            errors.append(FieldError("subject", "too_long", f"One line of at most {SUBJECT_MAX} characters"))
        errors += _check_placeholders("subject", subject)
    else:
        subject = ""
    if not body:
        errors.append(FieldError("body", "required", "Write the message"))
    else:
        errors += _check_placeholders("body", body)
        if data.channel in CHANNELS:
            errors += body_errors(data.channel, body)
    if errors:
        raise Invalid(errors=errors)
    return CampaignInput(name=name, channel=data.channel, subject=subject, body=body)


# --- addresses ------------------------------------------------------------------------------

_SMS_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def is_mobile(e164: str) -> bool:
    try:
        return phonenumbers.number_type(phonenumbers.parse(e164)) in _SMS_TYPES
    except phonenumbers.NumberParseException:
        return False


def pick_address(channel: str, email: str, phones: list[tuple[str, str]]) -> tuple[str, str]:
    """(address, "") for the channel, or ("", skip reason). `phones` are (label, E.164) in the
    client's order. SMS goes to the first number that is a mobile by its numbering plan (the ones
    labelled mobile first: a label is what staff typed); a voice call to the first phone."""
    if channel == "email":
        return (email, "") if email.strip() else ("", "no_email")
    if channel == "sms":
        ordered = [n for label, n in phones if label == "mobile"] + [n for label, n in phones if label != "mobile"]
        mobile = next((n for n in ordered if is_mobile(n)), "")
        return (mobile, "") if mobile else ("", "no_mobile")
    first = next((n for _label, n in phones if n), "")
    return (first, "") if first else ("", "no_phone")


def rendered_too_long(channel: str, body: str, name: str) -> bool:
    """Whether one recipient's own message exceeds its channel's limit (a long name, or an
    accented one that turns an SMS into UCS-2)."""
    text = fill(body, name=name)
    if channel == "sms":
        return sms_length(text).segments > SMS_MAX_SEGMENTS
    if channel == "voice":
        return voice_seconds(text) > VOICE_MAX_SECONDS
    return False
