// The memory tasks' score, measured in the worker: one forward pass over the held-out text (inspect,
// from a zero state, top-1) and, at each probe position, whether the most likely next character is the
// one due there. Only the hits go back to the page, not the forward pass's traces.
import type { Result, Session } from '../../generated/core.mjs';
import { probeHits } from '../presets/memory/memoryScore';

export function memoryHits(session: Session, text: string, positions: Int32Array, targets: Int32Array): Result<{ hits: Uint8Array }> {
  const r = session.inspect(text, 1);
  if (!r.ok) return r;
  return { ok: true, hits: probeHits(positions, targets, r.topIds, r.topK) };
}
