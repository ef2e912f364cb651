// "Chrome on Windows" from a User-Agent string, for the sessions list and the audit trail. A few
// rules, no library: the order matters because most browsers also claim to be the ones before
// them (Edge says Chrome and Safari, Chrome says Safari, Android says Linux).

export interface Device {
  browser: string | null;
  os: string | null;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bChromium\//, "Chromium"],
  [/\b(?:Headless)?Chrome\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\/|\b(?:iPhone|iPad).*AppleWebKit(?!.*Safari)/, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, "Windows"],
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

function first(rules: [RegExp, string][], text: string): string | null {
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

export function parseUserAgent(userAgent: string | null | undefined): Device {
  const text = userAgent?.trim() ?? "";
  if (!text) return { browser: null, os: null };
  const device = { browser: first(BROWSERS, text), os: first(SYSTEMS, text) };
  if (!device.browser && !device.os) {
    // Not a browser (curl/8.5.0, python-requests/2.32): its product name is still telling.
    const product = /^([A-Za-z][\w.-]{0,30})\//.exec(text)?.[1];
    if (product && product !== "Mozilla") device.browser = product;
  }
  return device;
}

/** Words for a device: "Chrome on Windows", "Firefox", "Android" or "unknown device", through
 * the catalogue's device.* strings. */
export function describeDevice(userAgent: string | null | undefined,
  t: (key: "device.browserOnOs" | "device.unknown", vars?: Record<string, string>) => string): string {
  const { browser, os } = parseUserAgent(userAgent);
  if (browser && os) return t("device.browserOnOs", { browser, os });
  return browser ?? os ?? t("device.unknown");
}
