import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../shared/protocol/console-api.js";
import { asLanguage, localeFor } from "../i18n/setup.js";
import { useLiveState, useStore } from "../store/store-context.js";

export interface LanguageControl {
  language: Language;
  /** The Intl locale matching the language, for the shared time formatters. */
  locale: string;
  toggle(): void;
}

export function useLanguage(): LanguageControl {
  const { i18n } = useTranslation();
  const store = useStore();
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language);
  const toggle = useCallback(() => {
    const next: Language = language === "vi" ? "en" : "vi";
    // Switch at once; the core remembers the choice for the next start.
    void i18n.changeLanguage(next);
    void store.setLanguage(next);
  }, [i18n, language, store]);
  return { language, locale: localeFor(language), toggle };
}

/** Follow the language the core's settings name (the snapshot's at start, then settings events). */
export function useLanguageFromSettings(): void {
  const { i18n } = useTranslation();
  const configured = useLiveState((s) => s.settings?.language);
  useEffect(() => {
    if (configured !== undefined && configured !== i18n.language) void i18n.changeLanguage(configured);
  }, [configured, i18n]);
}
