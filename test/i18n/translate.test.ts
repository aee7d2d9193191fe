import { afterEach, describe, expect, it } from "vitest";
import { compileMessages, currentLocale, installLocale, t, tParts, tPlural } from "../../lib/i18n/translate";

const TABLE = compileMessages({
  greeting: { message: "Hello, $NAME$!", placeholders: { name: { content: "$1" } } },
  order: {
    message: "$SECOND$ after $FIRST$ costs $$5",
    placeholders: { first: { content: "$1" }, second: { content: "$2" } },
  },
  apples_one: { message: "$COUNT$ apple", placeholders: { count: { content: "$1" } } },
  apples_other: { message: "$COUNT$ apples", placeholders: { count: { content: "$1" } } },
  dated: { message: "As of $DATE$.", placeholders: { date: { content: "$1" } } },
});

afterEach(() => installLocale("en", {}));

describe("compileMessages", () => {
  it("turns named placeholders into the positions they stand for, whatever their case", () => {
    expect(TABLE.greeting).toBe("Hello, $1!");
    expect(TABLE.order).toBe("$2 after $1 costs $$5");
    expect(
      compileMessages({ a: { message: "$x$ $Y$", placeholders: { X: { content: "$1" }, y: { content: "$2" } } } }),
    ).toEqual({ a: "$1 $2" });
  });
});

describe("t", () => {
  it("looks messages up in the installed table and fills in the values", () => {
    installLocale("en", TABLE);
    expect(currentLocale()).toBe("en");
    expect(t("greeting" as never, "Kim")).toBe("Hello, Kim!");
    expect(t("order" as never, "A", "B")).toBe("B after A costs $5");
  });

  it("shows a missing message as its key, never as nothing", () => {
    installLocale("en", {});
    expect(t("close")).toBe("close");
  });
});

describe("tPlural", () => {
  it("chooses the plural form with Intl.PluralRules in the installed language", () => {
    installLocale("en", TABLE);
    expect(tPlural("apples", 1)).toBe("1 apple");
    expect(tPlural("apples", 14)).toBe("14 apples");
    expect(tPlural("apples", 0)).toBe("0 apples");
    expect(tPlural("apples", 1200)).toBe("1,200 apples");
  });

  it("falls back to the other form where the language has no such category (Korean has only one)", () => {
    installLocale("ko", { apples_other: "사과 $1개" });
    expect(tPlural("apples", 1)).toBe("사과 1개");
    expect(tPlural("apples", 14)).toBe("사과 14개");
  });
});

describe("tParts", () => {
  it("splits a message around its values, in the order the language puts them", () => {
    installLocale("en", TABLE);
    const element = { element: "time" };
    expect(tParts("dated" as never, element)).toEqual(["As of ", element, "."]);
    installLocale("ko", { dated: "$1 기준" });
    expect(tParts("dated" as never, element)).toEqual([element, " 기준"]);
  });
});
