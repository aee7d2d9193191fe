import { render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { endpointError, OptionsPage } from "../../components/OptionsPage";
import { getEndpoint, setEndpoint } from "../../lib/reports/outbox";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const field = () => screen.getByRole("textbox", { name: "Report endpoint" }) as HTMLInputElement;
const save = () => screen.getByRole("button", { name: "Save" });

/** The texts of the elements that describe `element` (aria-describedby). */
const descriptions = (element: Element) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" | ");

async function renderPage() {
  render(<OptionsPage />);
  await screen.findByText(/No report endpoint is set|Reports are sent to/);
  return userEvent.setup();
}

describe("OptionsPage", () => {
  it("has a url field labelled “Report endpoint” and says that reports stay on this device without one", async () => {
    await renderPage();
    expect(field().type).toBe("url");
    expect(screen.getByText(/No report endpoint is set: your reports are kept on this device/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove endpoint" })).toBeNull();
  });

  it("rejects http on a public host inline, and saves nothing", async () => {
    const user = await renderPage();
    await user.type(field(), "http://example.com/reports");
    await user.click(save());
    expect(field().getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(field())).toContain("must start with https://");
    expect(document.activeElement).toBe(field());
    expect(await getEndpoint()).toBeNull();
  });

  it("rejects what is not an address", async () => {
    const user = await renderPage();
    await user.type(field(), "desk.example.org");
    await user.click(save());
    expect(descriptions(field())).toContain("Enter a full address");
    expect(await getEndpoint()).toBeNull();
  });

  it.each(["http://127.0.0.1:8123/reports", "http://localhost:3000/r", "https://desk.example.org/reports"])(
    "saves %s",
    async (address) => {
      const user = await renderPage();
      await user.type(field(), address);
      await user.click(save());
      await waitFor(async () => expect(await getEndpoint()).toBe(address));
      expect(field().getAttribute("aria-invalid")).toBeNull();
      expect(screen.getByRole("status").textContent).toBe(`Saved. New reports are sent to ${address}.`);
      expect(await screen.findByText(/^Reports are sent to/)).toBeTruthy();
    },
  );

  it("shows the saved endpoint, and removes it with “Remove endpoint”", async () => {
    await setEndpoint("https://desk.example.org/reports");
    const user = await renderPage();
    expect(field().value).toBe("https://desk.example.org/reports");
    await user.click(screen.getByRole("button", { name: "Remove endpoint" }));
    await waitFor(async () => expect(await getEndpoint()).toBeNull());
    expect(field().value).toBe("");
    expect(screen.getByRole("status").textContent).toContain("Reports are kept on this device");
  });

  it("saving an empty field removes the endpoint too", async () => {
    await setEndpoint("https://desk.example.org/reports");
    const user = await renderPage();
    await user.clear(field());
    await user.click(save());
    await waitFor(async () => expect(await getEndpoint()).toBeNull());
  });

  it("explains truthfully what a report contains, where it goes and what the endpoint needs", async () => {
    await renderPage();
    const text = document.body.textContent ?? "";
    for (const words of [
      "W3C Web Annotation",
      "the page title",
      "the page address, only if you tick “Include page address” (without its query and fragment",
      "What will be sent",
      "the page cannot read them",
      "the quoted text",
      "the reason",
      "your comment",
      "your contact email, only if you give one",
      "Idempotency-Key",
      "without cookies, credentials or referrer",
      "it is marked failed",
      "Chromium lets it reach the endpoint without cross-origin (CORS) checks",
      "Access-Control-Allow-Headers: Content-Type, Idempotency-Key",
      "Without an endpoint, reports stay on this device and the extension makes no request at all.",
    ])
      expect(text).toContain(words);
    // Never the old claim that no access to the endpoint's site is asked for: all-sites access includes it.
    expect(text).not.toContain("asks for no access");
  });
});

describe("endpointError", () => {
  it("accepts https and loopback http, and an empty value (which clears)", () => {
    for (const ok of ["", "  ", "https://a.example/r", "http://127.0.0.1:1/r", "http://localhost/r"])
      expect(endpointError(ok), ok).toBeNull();
    for (const bad of ["http://example.com", "ftp://a.example/", "javascript:alert(1)", "example.com"])
      expect(endpointError(bad), bad).not.toBeNull();
  });

  it("says why an address with credentials or a fragment cannot be used", () => {
    expect(endpointError("https://me:pw@desk.example/r")).toMatch(/user name or password/);
    expect(endpointError("https://desk.example/r#inbox")).toMatch(/fragment/);
  });
});
