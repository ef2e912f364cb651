// A campaign message's length as crm measures it (services/crm/crm_service/domain/campaigns.py):
// SMS parts (GSM-7: 160 septets in one message, 153 per part; one character outside GSM-7 makes it
// UCS-2: 70 units, 67 per part) and a voice message's seconds at 150 words a minute. Placeholders
// count as a sample name. Both sides are tested with campaignMeasure.examples.json: keep them in step.

export type Channel = "email" | "sms" | "voice";
export const CHANNELS: Channel[] = ["email", "sms", "voice"];
export const SMS_MAX_SEGMENTS = 3;
export const VOICE_MAX_SECONDS = 30;
export const VOICE_WORDS_PER_MINUTE = 150;
export const EMAIL_BODY_MAX = 10_000;
export const PLACEHOLDERS = ["nombre"] as const;
export const PLACEHOLDER_SAMPLE = "Nombre Apellido Apellido";

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

export type SmsLength = { encoding: "gsm7" | "ucs2"; units: number; segments: number };

export function smsLength(text: string): SmsLength {
  const chars = Array.from(text);
  const gsm = chars.every((ch) => GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch));
  const units = gsm ? chars.reduce((sum, ch) => sum + (GSM_EXTENDED.has(ch) ? 2 : 1), 0) : text.length;
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding: gsm ? "gsm7" : "ucs2", units, segments };
}

export function voiceWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

export function voiceSeconds(text: string): number {
  return Math.ceil((voiceWords(text) * 60) / VOICE_WORDS_PER_MINUTE);
}

/** The text as measured before the recipients are known: {nombre} as a sample name. */
export function sample(text: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name === "nombre" ? PLACEHOLDER_SAMPLE : whole));
}

/** Placeholders crm does not know ("{importe}"), each once. */
export function unknownPlaceholders(text: string): string[] {
  const found = Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? "");
  return [...new Set(found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

export type Measure =
  | { channel: "sms"; sms: SmsLength; tooLong: boolean }
  | { channel: "voice"; seconds: number; tooLong: boolean }
  | { channel: "email"; characters: number; tooLong: boolean };

/** What the live counter shows for a body on a channel. */
export function measure(channel: Channel, body: string): Measure {
  const measured = sample(body.trim());
  if (channel === "sms") {
    const sms = smsLength(measured);
    return { channel, sms, tooLong: sms.segments > SMS_MAX_SEGMENTS };
  }
  if (channel === "voice") {
    const seconds = voiceSeconds(measured);
    return { channel, seconds, tooLong: seconds > VOICE_MAX_SECONDS };
  }
  const characters = body.trim().length;
  return { channel, characters, tooLong: characters > EMAIL_BODY_MAX };
}
