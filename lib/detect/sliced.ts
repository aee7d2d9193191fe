/**
 * Work over the whole page cut into slices, so that no single task of ours
 * is long however big the page is. A pass is written once, as a generator
 * that yields at cheap checkpoints (every few hundred nodes); `runNow` runs
 * it to the end at once (the command-line annotator, the benchmark, the
 * tests), `runSliced` runs it a few milliseconds at a time and gives the
 * page its turn in between.
 */

/** A pass that may pause at its `yield`s and returns `T` at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Nodes a pass handles between two checkpoints: few enough that a checkpoint is never far, many enough that checking the clock costs nothing. */
export const CHECK_EVERY = 256;

/** The longest a slice runs before giving the page its turn: far below a long task (50 ms). */
export const SLICE_MS = 8;

/** Runs `steps` to the end now, without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` in slices of about `SLICE_MS`, yielding to the page between
 * them: with `scheduler.yield()` where the browser has it (the pass goes on
 * before other queued work of lower priority), else a message on a channel
 * of our own (a macrotask without the 4 ms that nested timers are held to).
 * A message to the window would do as well, but the page would see it.
 */
export async function runSliced<T>(steps: Steps<T>): Promise<T> {
  let deadline = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + SLICE_MS;
    }
  }
}

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resume) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resume();
    port2.postMessage(0);
  });
}
