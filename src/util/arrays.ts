/** Growable typed arrays: the one doubling helper of the build's and the pipeline's columns. */

type Typed = Int32Array | Uint8Array | Uint16Array | Float32Array | Float64Array;

/** `a` if it holds `need` elements, else a copy doubled until it does (at least 16). */
export function grown<T extends Typed>(a: T, need: number): T {
  if (need <= a.length) return a;
  let len = a.length || 16;
  while (len < need) len *= 2;
  const b = new (a.constructor as new (n: number) => T)(len);
  b.set(a);
  return b;
}

/** The same, the new part filled with `fill`. */
export function grownFilled<T extends Typed>(a: T, need: number, fill: number): T {
  const b = grown(a, need);
  if (b !== a) b.fill(fill, a.length);
  return b;
}
