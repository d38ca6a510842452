// The app runs with `freezePrototype` (tauri.conf.json): Object.prototype is
// frozen before any script. A dependency that assigns an inherited property
// (`X.prototype.valueOf = …`) throws there and leaves the window blank; this
// loads the window's modules the same way.
import { expect, test } from "vitest";

test("the window loads and renders under a frozen Object.prototype", async () => {
  Object.freeze(Object.prototype);
  const { mockIPC } = await import("@tauri-apps/api/mocks");
  const { startApp } = await import("../src/app");
  const { api } = await import("../src/api");
  const { snapshot } = await import("./fixtures");
  mockIPC((cmd) => (cmd === "get_state" ? snapshot() : null), { shouldMockEvents: true });
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  await startApp(root, api);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(root.querySelector("#start")?.textContent).toBe("Start");
});
