/**
 * The user's switches: annotations everywhere, on this site, per topic and
 * per verdict. Each is a real checkbox with `role="switch"` and a visible
 * label. Changes are stored at once (lib/storage.ts) and the switches follow
 * changes made elsewhere (another popup, the options page).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../lib/i18n/translate";
import type { Settings, Topic, Verdict } from "../lib/schema";
import { getSettings, updateSettings, watchSettings } from "../lib/storage";
import { TOPICS, topicLabel, VERDICT_ORDER, VERDICTS, verdictLabel } from "../lib/verdicts";

/** Props of {@link SettingsSwitches}. */
export interface SettingsSwitchesProps {
  /** Host name of the tab, for the "on this site" switch (left out when unknown). */
  hostname?: string;
}

/** Adds `item` to `list` when `present`, removes it otherwise (no duplicates). */
function toggled<T>(list: readonly T[], item: T, present: boolean): T[] {
  const rest = list.filter((entry) => entry !== item);
  return present ? [...rest, item] : rest;
}

/** Renders the switches; they show the stored settings and write every change back. */
export function SettingsSwitches({ hostname }: SettingsSwitchesProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState(false);
  // Writes run one after another, so that quick changes never overwrite each other.
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    const unwatch = watchSettings((next) => live && setSettings(next));
    getSettings().then((current) => live && setSettings((shown) => shown ?? current));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  if (!settings) return <p class="fc-switches__loading">{t("loadingSettings")}</p>;

  const change = (apply: (current: Settings) => Settings) => {
    setSettings((shown) => shown && apply(shown));
    writes.current = writes.current
      .then(() => updateSettings(apply))
      .then(
        (stored) => {
          setSettings(stored);
          setError(false);
        },
        () => setError(true),
      );
  };

  return (
    <div class="fc-switches">
      <fieldset class="fc-switches__group">
        <legend class="fc-switches__legend">{t("legendAnnotations")}</legend>
        <Switch
          label={t("switchAllSites")}
          checked={settings.enabled}
          onChange={(on) => change((current) => ({ ...current, enabled: on }))}
        />
        {hostname && (
          <Switch
            label={t("switchOnSite", hostname)}
            checked={!settings.disabledSites.includes(hostname)}
            onChange={(on) =>
              change((current) => ({ ...current, disabledSites: toggled(current.disabledSites, hostname, !on) }))
            }
          />
        )}
      </fieldset>
      <fieldset class="fc-switches__group">
        <legend class="fc-switches__legend">{t("legendTopics")}</legend>
        {(Object.keys(TOPICS) as Topic[]).map((topic) => (
          <Switch
            key={topic}
            label={topicLabel(topic)}
            checked={!settings.hiddenTopics.includes(topic)}
            onChange={(on) =>
              change((current) => ({ ...current, hiddenTopics: toggled(current.hiddenTopics, topic, !on) }))
            }
          />
        ))}
      </fieldset>
      <fieldset class="fc-switches__group">
        <legend class="fc-switches__legend">{t("legendVerdicts")}</legend>
        {VERDICT_ORDER.map((verdict: Verdict) => (
          <Switch
            key={verdict}
            label={verdictLabel(verdict)}
            color={VERDICTS[verdict].color}
            checked={!settings.hiddenVerdicts.includes(verdict)}
            onChange={(on) =>
              change((current) => ({ ...current, hiddenVerdicts: toggled(current.hiddenVerdicts, verdict, !on) }))
            }
          />
        ))}
      </fieldset>
      {error && (
        <p class="fc-switches__error" role="alert">
          {t("switchSaveFailed")}
        </p>
      )}
    </div>
  );
}

/** One switch: a checkbox with `role="switch"` inside its visible label. */
function Switch(props: { label: string; checked: boolean; onChange: (on: boolean) => void; color?: string }) {
  return (
    <label class="fc-switch">
      <input
        class="fc-switch__input"
        type="checkbox"
        // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox exposes its own checked state (ARIA in HTML advises against aria-checked on it).
        role="switch"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <span class="fc-switch__track" aria-hidden="true" />
      {props.color && <span class="fc-switch__swatch" aria-hidden="true" style={{ backgroundColor: props.color }} />}
      <span class="fc-switch__label">{props.label}</span>
    </label>
  );
}
