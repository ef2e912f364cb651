import { describe, expect, test } from "vitest";
import { translator } from "../i18n/catalogue";
import { describeDevice, parseUserAgent } from "./userAgent";

const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edgeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  firefoxLinux: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  chromeIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  samsung: "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  operaWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
  chromeOs: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  ipadApp: "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
};

describe("parseUserAgent", () => {
  test.each([
    [UA.chromeWindows, "Chrome", "Windows"],
    [UA.edgeWindows, "Edge", "Windows"],
    [UA.firefoxLinux, "Firefox", "Linux"],
    [UA.safariMac, "Safari", "macOS"],
    [UA.safariIphone, "Safari", "iPhone"],
    [UA.chromeIphone, "Chrome", "iPhone"],
    [UA.chromeAndroid, "Chrome", "Android"],
    [UA.samsung, "Samsung Internet", "Android"],
    [UA.operaWindows, "Opera", "Windows"],
    [UA.headless, "Chrome", "Linux"],
    [UA.chromeOs, "Chrome", "ChromeOS"],
    [UA.ipadApp, "Safari", "iPad"],
  ])("%s", (ua, browser, os) => {
    expect(parseUserAgent(ua)).toEqual({ browser, os });
  });

  test("programs that are not browsers keep their product name; nothing gives nothing", () => {
    expect(parseUserAgent("curl/8.5.0")).toEqual({ browser: "curl", os: null });
    expect(parseUserAgent("python-requests/2.32.3")).toEqual({ browser: "python-requests", os: null });
    expect(parseUserAgent("")).toEqual({ browser: null, os: null });
    expect(parseUserAgent(null)).toEqual({ browser: null, os: null });
    expect(parseUserAgent("Mozilla/5.0 (compatible)")).toEqual({ browser: null, os: null });
  });
});

describe("describeDevice", () => {
  test("says it in the reader's language", () => {
    expect(describeDevice(UA.chromeWindows, translator("en").t)).toBe("Chrome on Windows");
    expect(describeDevice(UA.chromeWindows, translator("es").t)).toBe("Chrome en Windows");
    expect(describeDevice(UA.firefoxLinux, translator("ca").t)).toBe("Firefox a Linux");
    expect(describeDevice(UA.safariIphone, translator("pt").t)).toBe("Safari em iPhone");
  });

  test("half-known and unknown devices", () => {
    expect(describeDevice("curl/8.5.0", translator("es").t)).toBe("curl");
    expect(describeDevice("", translator("es").t)).toBe("Dispositivo desconocido");
    expect(describeDevice("Something (Windows NT 10.0)", translator("en").t)).toBe("Windows");
  });
});
