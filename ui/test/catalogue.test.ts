// Both languages of the window's catalogue say the same things: the same
// message ids, each with the same variables (the integrator's Rust test
// checks every .ftl file the same way; this one runs with the UI's tests).
import { FluentResource } from "@fluent/bundle";
import { expect, test } from "vitest";

// Every window*.ftl file, joined per language (as src/i18n.ts loads them).
const files = import.meta.glob<string>("../../locales/*/window*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
});
const joined = (lang: string) =>
  Object.keys(files)
    .filter((path) => path.startsWith(`../../locales/${lang}/`))
    .sort()
    .map((path) => files[path])
    .join("\n");
const [en, fr] = [joined("en"), joined("fr")];

function shape(source: string): Record<string, string[]> {
  const resource = new FluentResource(source);
  const out: Record<string, string[]> = {};
  for (const message of resource.body) {
    const vars = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const n = node as Record<string, unknown>;
        if (n.type === "var" && typeof n.name === "string") vars.add(n.name);
        Object.values(n).forEach(walk);
      }
    };
    walk(message.value);
    out[message.id] = [...vars].sort();
  }
  return out;
}

test("en and fr have the same messages with the same variables", () => {
  const [english, french] = [shape(en), shape(fr)];
  expect(Object.keys(english).length).toBeGreaterThan(100);
  expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  for (const id of Object.keys(english)) expect(french[id], id).toEqual(english[id]);
});

test("the catalogue parses without errors in both languages", () => {
  for (const source of [en, fr]) {
    const junk = new FluentResource(source).body.filter((m) => !m.id);
    expect(junk).toEqual([]);
  }
});

test("the window never mentions a terminal or a CLI flag", () => {
  for (const source of [en, fr]) expect(source).not.toMatch(/[Tt]erminal|\s--[a-z]|\bgardefou [a-z]/);
});

test("every message the views ask for exists", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const english = shape(en);
  const dir = join(process.cwd(), "src");
  const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, "views")).map((f) => join(dir, "views", f))];
  const asked = new Set<string>();
  for (const file of files.filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([a-z0-9_-]+)"/g)) asked.add(m[1]);
  }
  expect(asked.size).toBeGreaterThan(50);
  expect([...asked].filter((id) => !(id in english))).toEqual([]);
  // Ids built at run time: every view, boundary kind, setting and weekday.
  for (const id of [
    ...["timer", "sessions", "clients", "settings"].map((v) => `nav-${v}`),
    ...["weekly_cap_warning", "weekly_cap_reached", "client_cap_warning", "client_cap_reached", "off_hours", "weekend_streak", "planned_exceeded"].map((k) => `boundary-${k}`),
    ...["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => `day-${d}`),
  ])
    expect(english, id).toHaveProperty([id]);
});

test("French text uses the typographic apostrophe (l’import, not l'import)", () => {
  const straight = fr
    .split("\n")
    .filter((line) => !line.startsWith("#") && /\p{L}'\p{L}/u.test(line));
  expect(straight).toEqual([]);
});
