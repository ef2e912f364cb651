import { describe, expect, it } from "vitest";
import shared from "./campaignMeasure.examples.json";
import { measure, sample, smsLength, unknownPlaceholders, voiceSeconds } from "./campaignMeasure";

describe("campaign message length, the same examples as crm's rules", () => {
  for (const example of shared.examples) {
    it(example.label, () => {
      expect(smsLength(sample(example.text))).toEqual(example.sms);
      expect(voiceSeconds(sample(example.text))).toBe(example.voice_seconds);
    });
  }
});

describe("the live counter", () => {
  it("says when an SMS needs more than three parts", () => {
    expect(measure("sms", "a".repeat(459)).tooLong).toBe(false);
    expect(measure("sms", "a".repeat(460)).tooLong).toBe(true);
    expect(measure("sms", "á".repeat(202))).toMatchObject({ sms: { encoding: "ucs2", segments: 4 }, tooLong: true });
  });

  it("says when a voice message takes more than thirty seconds", () => {
    expect(measure("voice", Array(75).fill("palabra").join(" "))).toEqual({ channel: "voice", seconds: 30, tooLong: false });
    expect(measure("voice", Array(76).fill("palabra").join(" ")).tooLong).toBe(true);
  });

  it("counts an e-mail's characters up to ten thousand", () => {
    expect(measure("email", "x".repeat(10_000)).tooLong).toBe(false);
    expect(measure("email", "x".repeat(10_001)).tooLong).toBe(true);
  });

  it("finds the placeholders crm does not know", () => {
    expect(unknownPlaceholders("Hola {nombre}, {importe} y {importe} {fecha}")).toEqual(["importe", "fecha"]);
    expect(unknownPlaceholders("Hola {nombre} {no es}")).toEqual([]);
  });
});
