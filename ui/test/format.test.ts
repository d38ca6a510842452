import { expect, test } from "vitest";
import { clock, human } from "../src/format";

test("clock", () => {
  expect(clock(0)).toBe("0:00:00");
  expect(clock(83)).toBe("0:01:23");
  expect(clock(36000 + 61)).toBe("10:01:01");
  expect(clock(-5)).toBe("0:00:00");
});

test("human", () => {
  expect(human(0)).toBe("0 min");
  expect(human(40)).toBe("40 s");
  expect(human(1500)).toBe("25 min");
  expect(human(3600)).toBe("1 h");
  expect(human(3900)).toBe("1 h 05 min");
});
