import { describe, expect, test } from "vitest";
import { CATALOGUES, DEFAULT_LANGUAGE, LANGUAGES, interpolate, translator } from "./catalogue";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const source = CATALOGUES[DEFAULT_LANGUAGE];

describe("catalogue", () => {
  test("Spanish is the default and the four languages are there", () => {
    expect(DEFAULT_LANGUAGE).toBe("es");
    expect([...LANGUAGES].sort()).toEqual(["ca", "en", "es", "pt"]);
  });

  test.each(LANGUAGES)("%s has exactly the keys of the Spanish source", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(Object.keys(source).sort());
  });

  test.each(LANGUAGES)("%s has no empty string", (language) => {
    const empty = Object.entries(CATALOGUES[language]).filter(([, text]) => !text.trim());
    expect(empty).toEqual([]);
  });

  test.each(LANGUAGES)("%s uses the same {placeholders} as Spanish in every string", (language) => {
    const wrong = Object.keys(source).filter((key) =>
      placeholders(source[key as keyof typeof source]).join() !==
      placeholders(CATALOGUES[language][key as keyof typeof source]).join());
    expect(wrong).toEqual([]);
  });

  test("every plural has a 'one' and an 'other' form", () => {
    const bases = new Set(Object.keys(source).filter((k) => /\.(one|other)$/.test(k)).map((k) => k.replace(/\.(one|other)$/, "")));
    for (const base of bases) {
      expect(source).toHaveProperty([`${base}.one`]);
      expect(source).toHaveProperty([`${base}.other`]);
    }
  });

  test("the other languages are translated, not copied from Spanish", () => {
    for (const language of LANGUAGES.filter((l) => l !== "es")) {
      const same = Object.keys(source).filter((key) =>
        CATALOGUES[language][key as keyof typeof source] === source[key as keyof typeof source]);
      // Short words may legitimately coincide (Idioma, Persona, Clientes…); most must differ.
      expect(same.length / Object.keys(source).length).toBeLessThan(0.2);
    }
  });
});

describe("translator", () => {
  test("fills placeholders and picks plural forms per language", () => {
    const es = translator("es");
    expect(es.t("dashboard.welcome", { name: "Lucía" })).toBe("Hola, Lucía");
    expect(es.plural("clients.count", 1)).toBe("1 cliente mostrado");
    expect(es.plural("clients.count", 3)).toBe("3 clientes mostrados");
    expect(translator("ca").plural("clients.count", 1)).toBe("1 client mostrat");
    expect(translator("pt").plural("clients.count", 0)).toBe("0 clientes apresentados");
    expect(translator("en").t("nav.home")).toBe("Home");
  });

  test("has() tells known keys from others", () => {
    const en = translator("en");
    expect(en.has("problem.invalid_credentials")).toBe(true);
    expect(en.has("problem.no_such_code")).toBe(false);
  });

  test("interpolate leaves unknown placeholders alone", () => {
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
