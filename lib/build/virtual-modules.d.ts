/** Modules made at build time by the plugins in this folder. */
declare module "virtual:claim-anchors" {
  /** Each claim's anchor, in the dataset's order (claim-anchors-module.ts). */
  const claimAnchors: readonly import("../schema").ClaimAnchor[];
  export default claimAnchors;
}
