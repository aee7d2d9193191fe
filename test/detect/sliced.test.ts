/** Sliced passes: the same result at once or in slices, and the page gets its turn between slices. */
import { describe, expect, it, vi } from "vitest";
import { runNow, runSliced, SLICE_MS, type Steps } from "../../lib/detect/sliced";

/** Counts to `to`, pausing after every step; each step busy-waits `stepMs`. */
function* counting(to: number, stepMs = 0): Steps<number> {
  let count = 0;
  while (count < to) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // Stands in for a slice of DOM work.
    }
    count++;
    yield;
  }
  return count;
}

describe("runNow", () => {
  it("runs the pass to its end at once", () => {
    expect(runNow(counting(1000))).toBe(1000);
  });
});

describe("runSliced", () => {
  it("gives the same result, resolving without a timer when the pass is quick", async () => {
    expect(await runSliced(counting(1000))).toBe(1000);
  });

  it("lets other tasks run between slices of a long pass", async () => {
    let otherTasks = 0;
    const other = setInterval(() => otherTasks++, 0);
    try {
      // About 6 slices of work.
      const result = await runSliced(counting(SLICE_MS * 6, 1));
      expect(result).toBe(SLICE_MS * 6);
      expect(otherTasks).toBeGreaterThan(0);
    } finally {
      clearInterval(other);
    }
  });

  it("yields with scheduler.yield() where the browser has it", async () => {
    const yieldToPage = vi.fn(() => Promise.resolve());
    vi.stubGlobal("scheduler", { yield: yieldToPage });
    try {
      expect(await runSliced(counting(SLICE_MS * 3, 1))).toBe(SLICE_MS * 3);
      expect(yieldToPage).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
