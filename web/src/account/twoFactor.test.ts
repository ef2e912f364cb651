import { describe, expect, test } from "vitest";
import { translator } from "../i18n/catalogue";
import {
  cleanSecondFactorCode, enrolmentCodeProblem, groupSecret, recoveryCodesFile, recoveryCodesFileName,
  secondFactorCodeProblem, secretBlocks, svgDataUri,
} from "./twoFactor";

describe("the secret for typing by hand", () => {
  test("blocks of four, the last one shorter", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
    expect(groupSecret("JBSWY3DPEHPK3PXPAB")).toBe("JBSW Y3DP EHPK 3PXP AB");
    expect(secretBlocks("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toHaveLength(8);
  });

  test("spaces and dashes already there are dropped, letters upper-cased", () => {
    expect(groupSecret(" jbsw y3dp-ehpk ")).toBe("JBSW Y3DP EHPK");
    expect(groupSecret("")).toBe("");
  });
});

describe("the QR code as an image", () => {
  test("a base64 data: address of the SVG, never markup; UTF-8 survives", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Área Cliente · Lucía</title></svg>';
    const uri = svgDataUri(svg);
    expect(uri.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const bytes = Uint8Array.from(atob(uri.split(",")[1] ?? ""), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(svg);
    expect(new TextDecoder().decode(bytes)).toContain("Área Cliente · Lucía");
    expect(uri).not.toContain("<");
  });
});

describe("codes typed at login and at the set-up", () => {
  test("the app's digits lose their spaces; a recovery code is only trimmed", () => {
    expect(cleanSecondFactorCode(" 123 456 ")).toBe("123456");
    expect(cleanSecondFactorCode("123-456")).toBe("123456");
    expect(cleanSecondFactorCode("  abcde-fghjk ")).toBe("abcde-fghjk");
  });

  test("either kind is accepted whichever hint is shown; the message follows the hint", () => {
    expect(secondFactorCodeProblem("", "totp")).toBe("mfa.codeRequired");
    expect(secondFactorCodeProblem("123456", "totp")).toBeNull();
    expect(secondFactorCodeProblem("ABCDE-FGHJK", "totp")).toBeNull();
    expect(secondFactorCodeProblem("abcdefghjk", "recovery_code")).toBeNull();
    expect(secondFactorCodeProblem("123456", "recovery_code")).toBeNull();
    expect(secondFactorCodeProblem("12345", "totp")).toBe("mfa.codeShape");
    expect(secondFactorCodeProblem("abc-de", "recovery_code")).toBe("mfa.recoveryShape");
  });

  test("the set-up takes the app's six digits only", () => {
    expect(enrolmentCodeProblem(" ")).toBe("mfa.codeRequired");
    expect(enrolmentCodeProblem("123 456")).toBeNull();
    expect(enrolmentCodeProblem("abcde-fghjk")).toBe("mfa.enrolCodeShape");
  });
});

describe("the recovery codes' file", () => {
  const codes = ["abcde-fghjk", "mnpqr-stuvw", "xyz23-45678", "aaaaa-bbbbb", "ccccc-ddddd",
    "eeeee-fffff", "ggggg-hhhhh", "jjjjj-kkkkk", "mmmmm-nnnnn", "ppppp-qqqqq"];
  const facts = { codes, firm: "Correduría Demo", username: "ana@demo.test", created: "14/3/2026, 12:00" };

  test("says what they are, for whom and when, then one numbered code per line (CRLF)", () => {
    const text = recoveryCodesFile(facts, translator("es").t);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Área Cliente: códigos de recuperación");
    expect(lines[1]).toBe("Usuario ana@demo.test en Correduría Demo");
    expect(lines[2]).toBe("Creados el 14/3/2026, 12:00");
    expect(text).toContain("Cada código sirve una sola vez");
    expect(lines).toContain(" 1. abcde-fghjk");
    expect(lines).toContain("10. ppppp-qqqqq");
    expect(codes.every((code) => text.includes(code))).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  test("in the reader's language", () => {
    expect(recoveryCodesFile(facts, translator("en").t)).toContain("Client Area: recovery codes");
    expect(recoveryCodesFile(facts, translator("ca").t)).toContain("Usuari ana@demo.test a Correduría Demo");
    expect(recoveryCodesFile(facts, translator("pt").t)).toContain("Utilizador ana@demo.test em Correduría Demo");
  });

  test("a file name of safe characters", () => {
    expect(recoveryCodesFileName("demo", "ana.lópez@demo.test")).toBe("recovery-codes-demo-ana-lopez.txt");
    expect(recoveryCodesFileName("", "")).toBe("recovery-codes.txt");
  });
});
