import { cleanup, render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { SettingsSwitches } from "../../components/SettingsSwitches";
import { getSettings, updateSettings } from "../../lib/storage";
import { TOPICS, VERDICTS } from "../../lib/verdicts";

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

const switchNamed = (name: string) => screen.getByRole("switch", { name }) as HTMLInputElement;

describe("SettingsSwitches", () => {
  it("shows a labelled switch for everywhere, this site, each topic and each verdict", async () => {
    render(<SettingsSwitches hostname="news.example.com" />);
    const all = await screen.findByRole("switch", { name: "Annotations on all sites" });
    expect(all.getAttribute("type")).toBe("checkbox");
    expect(all.closest("label")?.textContent).toBe("Annotations on all sites");
    expect(switchNamed("Annotations on news.example.com")).toBeTruthy();
    for (const name of Object.values(TOPICS)) expect(switchNamed(name).checked).toBe(true);
    for (const { label } of Object.values(VERDICTS)) expect(switchNamed(label).checked).toBe(true);
    expect(screen.getAllByRole("switch")).toHaveLength(2 + Object.keys(TOPICS).length + Object.keys(VERDICTS).length);
  });

  it("leaves the site switch out when the host name is unknown", async () => {
    render(<SettingsSwitches />);
    await screen.findByRole("switch", { name: "Annotations on all sites" });
    expect(screen.queryByRole("switch", { name: /^Annotations on (?!all sites)/ })).toBeNull();
  });

  it("shows the stored settings", async () => {
    await updateSettings(() => ({
      enabled: false,
      disabledSites: ["news.example.com"],
      hiddenTopics: ["sanctions"],
      hiddenVerdicts: ["accurate"],
      language: "auto",
    }));
    render(<SettingsSwitches hostname="news.example.com" />);
    await waitFor(() => expect(switchNamed("Annotations on all sites").checked).toBe(false));
    expect(switchNamed("Annotations on news.example.com").checked).toBe(false);
    expect(switchNamed("Sanctions").checked).toBe(false);
    expect(switchNamed("Meetings").checked).toBe(true);
    expect(switchNamed("Accurate").checked).toBe(false);
    expect(switchNamed("Inaccurate").checked).toBe(true);
  });

  it("writes each change to storage at once", async () => {
    const user = userEvent.setup();
    render(<SettingsSwitches hostname="news.example.com" />);
    await user.click(await screen.findByRole("switch", { name: "Sanctions" }));
    await waitFor(async () => expect((await getSettings()).hiddenTopics).toEqual(["sanctions"]));
    expect(switchNamed("Sanctions").checked).toBe(false);

    await user.click(switchNamed("Inaccurate"));
    await user.click(switchNamed("Annotations on news.example.com"));
    await user.click(switchNamed("Annotations on all sites"));
    await waitFor(async () =>
      expect(await getSettings()).toEqual({
        enabled: false,
        disabledSites: ["news.example.com"],
        hiddenTopics: ["sanctions"],
        hiddenVerdicts: ["inaccurate"],
        language: "auto",
      }),
    );

    await user.click(switchNamed("Sanctions"));
    await user.click(switchNamed("Annotations on news.example.com"));
    await waitFor(async () => {
      const settings = await getSettings();
      expect(settings.hiddenTopics).toEqual([]);
      expect(settings.disabledSites).toEqual([]);
    });
  });

  it("keeps quick successive changes (no write overwrites another)", async () => {
    render(<SettingsSwitches />);
    await screen.findByRole("switch", { name: "Sanctions" });
    // Three clicks in the same tick, before any write has finished.
    switchNamed("Sanctions").click();
    switchNamed("Talks").click();
    switchNamed("Misleading").click();
    await waitFor(async () => {
      const settings = await getSettings();
      expect([...settings.hiddenTopics].sort()).toEqual(["sanctions", "talks"]);
      expect(settings.hiddenVerdicts).toEqual(["misleading"]);
    });
  });

  it("follows changes made elsewhere", async () => {
    render(<SettingsSwitches hostname="news.example.com" />);
    await screen.findByRole("switch", { name: "Talks" });
    expect(switchNamed("Talks").checked).toBe(true);
    await updateSettings((current) => ({ ...current, hiddenTopics: ["talks"], disabledSites: ["news.example.com"] }));
    await waitFor(() => expect(switchNamed("Talks").checked).toBe(false));
    expect(switchNamed("Annotations on news.example.com").checked).toBe(false);
    await fakeBrowser.storage.local.set({ settings: { enabled: false } });
    await waitFor(() => expect(switchNamed("Annotations on all sites").checked).toBe(false));
    expect(switchNamed("Talks").checked).toBe(true);
  });

  it("shows defaults for a corrupt stored value", async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: "yes", hiddenTopics: 5, hiddenVerdicts: ["nonsense"] },
    });
    render(<SettingsSwitches />);
    const all = (await screen.findByRole("switch", { name: "Annotations on all sites" })) as HTMLInputElement;
    expect(all.checked).toBe(true);
    expect(switchNamed("Sanctions").checked).toBe(true);
    expect(switchNamed("Inaccurate").checked).toBe(true);
  });
});
