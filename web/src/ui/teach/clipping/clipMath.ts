// What clipping does, as numbers the clipping view shows.

// Share of norms above the threshold: the steps clipping would scale down. 0 = clipping off.
export function clipShare(norms: ArrayLike<number>, clip: number): number {
  if (clip <= 0 || norms.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < norms.length; i++) if (norms[i] > clip) n++;
  return n / norms.length;
}

// What clipping does to one step: the factor the gradient is scaled by (1 when not clipped).
export function clipFactor(norm: number, clip: number): number {
  return clip > 0 && norm > clip ? clip / norm : 1;
}
