import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../../../shared/protocol/console-api.js";
import en from "./en.json";
import vi from "./vi.json";

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: "vi",
  fallbackLng: "vi",
  supportedLngs: ["vi", "en"],
  // React escapes; i18next escaping would show "&amp;" in place names.
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

/** The locale used with the shared time formatters and numbers. */
export function localeFor(language: Language): string {
  return language === "en" ? "en-GB" : "vi-VN";
}

export function asLanguage(value: string | undefined): Language {
  return value === "en" ? "en" : "vi";
}
