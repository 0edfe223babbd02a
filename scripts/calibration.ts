// Fits the calibration steps: raw scores to the share of answers that were right, monotone, in blocks of enough fixtures.

/** One answer the engine gave: its raw score, and whether it was right. */
export interface Outcome {
  raw: number;
  right: boolean;
}

/** Fewest outcomes a step may rest on: a share from fewer would be noise. */
export const MIN_STEP = 20;

interface Block {
  upTo: number;
  n: number;
  right: number;
}

const share = ({ n, right }: Block) => right / n;

/** Pool-adjacent-violators: merge neighbouring blocks until the shares never fall as the raw score rises. */
function monotone(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    out.push({ ...block });
    while (out.length > 1 && share(out[out.length - 2]!) >= share(out[out.length - 1]!)) {
      const last = out.pop()!;
      const previous = out.pop()!;
      out.push({ upTo: last.upTo, n: previous.n + last.n, right: previous.right + last.right });
    }
  }
  return out;
}

/** Merges blocks smaller than MIN_STEP into the neighbour whose share is closest, until none is. */
function bigEnough(blocks: Block[]): Block[] {
  const out = blocks.map((block) => ({ ...block }));
  for (;;) {
    const index = out.findIndex((block) => block.n < MIN_STEP);
    if (index < 0 || out.length === 1) return out;
    const left = out[index - 1];
    const right = out[index + 1];
    const pick = !right || (left && Math.abs(share(left) - share(out[index]!)) <= Math.abs(share(right) - share(out[index]!))) ? index - 1 : index + 1;
    const [a, b] = pick < index ? [pick, index] : [index, pick];
    out.splice(a, 2, { upTo: out[b]!.upTo, n: out[a]!.n + out[b]!.n, right: out[a]!.right + out[b]!.right });
  }
}

/**
 * Steps [raw score up to, share right] from outcomes: isotonic (never falling), each step resting on MIN_STEP outcomes
 * or more, its share shrunk a little towards one half ((right + 0.5) / (n + 1)) so that no step says 0 or 1.
 * The last step covers every raw score above it.
 */
export function fitSteps(outcomes: readonly Outcome[]): [number, number][] {
  if (outcomes.length === 0) return [];
  const sorted = [...outcomes].sort((a, b) => a.raw - b.raw);
  const blocks: Block[] = [];
  for (const { raw, right } of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.upTo === raw) {
      last.n++;
      last.right += right ? 1 : 0;
    } else blocks.push({ upTo: raw, n: 1, right: right ? 1 : 0 });
  }
  return monotone(bigEnough(monotone(blocks))).map((block, index, all) => [
    index === all.length - 1 ? 1 : Math.round(block.upTo * 10_000) / 10_000,
    Math.round(((block.right + 0.5) / (block.n + 1)) * 1000) / 1000,
  ]);
}
