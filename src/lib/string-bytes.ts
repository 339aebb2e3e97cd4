/**
 * Bytes a string takes in V8's heap: one per character when every character fits in Latin-1 (JSON of ASCII text,
 * packed documents), two otherwise. The in-memory caches count their budgets with it.
 */
export function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex -- the Latin-1 range, NUL included
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length
}
