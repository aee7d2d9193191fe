/**
 * The schemas of what the extension's parts keep and tell each other: the
 * switches, a tab's anchored claims, and the messages between content
 * scripts, background and pages, with the vocabulary they share with the
 * dataset (ids, verdicts, topics, a claim's anchor). Apart from the
 * dataset's schemas (dataset-schema.ts; schema.ts re-exports both), so that
 * a context that only checks messages and stored values (the background's
 * message checks, the storage) need not build the dataset's.
 *
 * The overlay's first script imports none of them: it is handed its
 * switches, and its second script checks the messages it receives. The
 * messages and the tab state are built on first use (`…Schema()`), since a
 * script that starts cold spends milliseconds building zod schemas.
 * Everything else takes them, built at once, from schema.ts.
 *
 * Written with `zod/mini`, whose functions a bundler keeps only when used.
 */
import "./zod-jitless";
import * as z from "zod/mini";

/** Lower-case identifier used for claims, facts, sources and the article. */
export const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug"));

/**
 * The verdict scale, from true to false and "cannot be checked". The names
 * are read by checks outside the code (`data-verdict` on every marker): keep
 * them as they are.
 */
export const Verdict = z.enum(["accurate", "inaccurate", "misleading", "needs-context", "unverifiable"]);
export type Verdict = z.infer<typeof Verdict>;

/**
 * What a claim is about: the popup's per-topic switches. The names are part
 * of the CLI's output (`topic`), which checks outside the code read.
 */
export const Topic = z.enum(["summit-dates", "meetings", "sanctions", "denuclearization", "talks", "statements"]);
export type Topic = z.infer<typeof Topic>;

/**
 * The interface language the reader chose in the options: "auto" follows
 * the browser's language.
 */
export const Language = z.enum(["auto", "en", "ko"]);
export type Language = z.infer<typeof Language>;

/*
 * Extension state and messages: stored values are parsed with these when
 * read (a corrupt value falls back to defaults), messages when received.
 */

/**
 * The user's switches, kept in `storage.local`. Strict for writing; reading
 * falls back field by field (`parseSettings` in storage.ts).
 */
export const Settings = z.strictObject({
  /** Annotations on or off everywhere. */
  enabled: z.boolean(),
  /** Host names where annotations are off. */
  disabledSites: z.array(z.string()),
  hiddenTopics: z.array(Topic),
  hiddenVerdicts: z.array(Verdict),
  /** The interface language. */
  language: Language,
});
export type Settings = z.infer<typeof Settings>;

/** W3C Web Annotation TextQuoteSelector. */
export const TextQuoteSelector = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().check(z.trim(), z.minLength(1)),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** What anchoring and painting need of a claim, no prose: a claim of the dataset is this and its review. */
export const ClaimAnchor = z.strictObject({
  /** The claim's id: checks outside the code name claims by these ids (in markers and CLI output); never rename one. */
  id: Slug,
  topic: Topic,
  verdict: Verdict,
  selector: TextQuoteSelector,
});
export type ClaimAnchor = z.infer<typeof ClaimAnchor>;

/**
 * What the background hands the overlay as it injects it
 * (lib/overlay/handed-start.ts): the switches, all its first paint needs
 * besides the claims' anchors, which the overlay bundles
 * (lib/build/claim-anchors-module.ts); the rest follows in `OverlayCards`
 * (schema.ts).
 */
export const OverlayStart = z.strictObject({ settings: Settings });
export type OverlayStart = z.infer<typeof OverlayStart>;

/**
 * Schemas built on their first use (see above), and not again: `build` runs
 * on the first call. Marked pure where used, so that a bundle leaves out
 * those it never calls.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/** A share, from 0 to 1 (a score, a coverage). */
const share = /* @__PURE__ */ builtOnFirstUse(() => z.number().check(z.minimum(0), z.maximum(1)));

/** How one claim anchored on a page. */
export const anchoredClaimSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.strictObject({
    claimId: Slug,
    match: z.enum(["exact", "fuzzy"]),
    score: share(),
    /**
     * The value of a text fragment (`#:~:text=…`) that finds the claim on this
     * page, built from the page's own text (lib/text-fragment.ts), for "Copy
     * link to this claim" in the card and the popup.
     */
    textDirective: z.optional(
      z
        .string()
        .check(z.maxLength(2000), z.regex(/^[A-Za-z0-9%!$'()*+./:;=?@_~,-]+$/, "must be an encoded text directive")),
    ),
  }),
);

/** What a tab carries, kept in `storage.session` by the background (absent: not the article). */
export const tabStateSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.strictObject({
    url: z.string(),
    article: z.strictObject({ id: Slug, score: share() }),
    claims: z.array(anchoredClaimSchema()),
  }),
);

/**
 * What the frames of a tab carry, kept in `storage.session` by the
 * background: the tab's address when last recorded, and each frame's state
 * by frame id (0 is the top frame; the article may sit in an iframe, or in
 * several).
 */
export const tabFramesSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.strictObject({
    url: z.string(),
    frames: z.record(z.string().check(z.regex(/^(0|[1-9][0-9]{0,15})$/, "must be a frame id")), tabStateSchema()),
  }),
);

/**
 * Messages to the background from the detector and the overlay (validated on
 * receipt). Reporting has a protocol of its own (lib/reports/protocol.ts).
 */
export const runtimeMessageSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.discriminatedUnion("type", [
    /** The detector found the article: inject the overlay. */
    z.strictObject({ type: z.literal("article-detected"), score: share() }),
    /** The overlay anchored the claims. */
    z.strictObject({ type: z.literal("annotated"), state: tabStateSchema() }),
    /** The article left the page (single-page-app navigation, re-render without it). */
    z.strictObject({ type: z.literal("article-gone") }),
    /**
     * The overlay, once its highlights are painted, asks for what its
     * markers and cards need (answered with `OverlayCards`: the dataset and
     * the interface's words, in the reader's language): content scripts
     * cannot read the extension's storage.
     */
    z.strictObject({ type: z.literal("get-cards") }),
    /**
     * The overlay painted its highlights: inject the script that draws its
     * markers and cards into its frame, and answer once it has run
     * (lib/overlay/layer-kit.ts).
     */
    z.strictObject({ type: z.literal("load-layer") }),
    /**
     * The reader clicked "How we check" in a card: the background opens the
     * page in a new tab, so that the page need not be exposed to web pages
     * (web_accessible_resources) for a link to reach it.
     */
    z.strictObject({ type: z.literal("open-how-we-check") }),
  ]),
);

/** Messages to the overlay in a tab, from the popup and the background (validated on receipt). */
export const tabMessageSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.discriminatedUnion("type", [
    /** Scroll to a claim and flash it. */
    z.strictObject({ type: z.literal("show-claim"), claimId: Slug }),
    /** Move to the next or previous claim (keyboard command). */
    z.strictObject({ type: z.literal("step-claim"), direction: z.enum(["next", "previous"]) }),
    /** The switches changed: apply them at once. */
    z.strictObject({ type: z.literal("settings"), settings: Settings }),
  ]),
);

/**
 * The interface's words for the overlay: the language's BCP 47 tag and its
 * compiled message table, as a list of entries (a list costs the overlay's
 * bundle nothing more, where a record schema would add kilobytes of zod).
 */
export const interfaceMessagesSchema = /* @__PURE__ */ builtOnFirstUse(() =>
  z.strictObject({
    locale: z.string().check(z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "must be a language tag")),
    messages: z.array(
      z.strictObject({
        key: z.string().check(z.regex(/^[A-Za-z0-9_]+$/, "must be a message key")),
        message: z.string(),
      }),
    ),
  }),
);
