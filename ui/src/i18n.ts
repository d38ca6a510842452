// The window's text: Fluent messages from locales/{en,fr}/window*.ftl (one
// file per part of the window: window.ftl, window-summary.ftl, ...). The
// language is a signal: components that call `t` re-render when it changes.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { signal } from "./signal";
// The settings table's help lines, shared with `gardefou settings show`.
import enSettings from "../../locales/en/settings.ftl?raw";
import frSettings from "../../locales/fr/settings.ftl?raw";

export type Locale = "en" | "fr";

function bundle(locale: Locale, ...sources: string[]): FluentBundle {
  // No bidi isolation marks: every string is left-to-right and tests compare text.
  const b = new FluentBundle(locale, { useIsolating: false });
  for (const source of sources) {
    const errors = b.addResource(new FluentResource(source));
    if (errors.length) console.error(`catalogue (${locale})`, errors);
  }
  return b;
}

// Every window*.ftl file of each language, in name order (Vite inlines them).
const windowFiles = import.meta.glob<string>("../../locales/*/window*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
});

function windowSources(lang: Locale): string[] {
  return Object.keys(windowFiles)
    .filter((path) => path.startsWith(`../../locales/${lang}/`))
    .sort()
    .map((path) => windowFiles[path]);
}

const bundles: Record<Locale, FluentBundle> = {
  en: bundle("en", ...windowSources("en"), enSettings),
  fr: bundle("fr", ...windowSources("fr"), frSettings),
};

export const locale = signal<Locale>("en");

export function setLocale(value: string) {
  const next: Locale = value === "fr" ? "fr" : "en";
  if (locale.value !== next) locale.value = next;
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

/** Whether the catalogue has `id` (settings keys added later fall back to their name). */
export function has(id: string): boolean {
  return bundles[locale.value].hasMessage(id);
}

/** The message `id` in the window's language. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const b = bundles[locale.value];
  const message = b.getMessage(id);
  if (!message?.value) return id;
  return b.formatPattern(message.value, args);
}

/** `Fri` / `ven.` for a `YYYY-MM-DD` date. */
export function weekdayShort(date: string): string {
  return new Intl.DateTimeFormat(locale.value, { weekday: "short", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** `Monday 23 November` / `lundi 23 novembre` for a `YYYY-MM-DD` date. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat(locale.value, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}
