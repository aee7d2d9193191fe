/**
 * The overlay's ContentScriptContext (substituted in its build, see
 * wxt.config.ts): the detector's (`lite-content-script-context.ts`) with
 * animation frames, which only the overlay asks for.
 */
import { ContentScriptContext as DetectorContext } from "./lite-content-script-context";

/** The subset of WXT's `ContentScriptContext` that the overlay uses. */
export class ContentScriptContext extends DetectorContext {
  /** `requestAnimationFrame` whose callback never runs after invalidation (checked when the frame comes). */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    return window.requestAnimationFrame((time) => this.isValid && callback(time));
  }
}
