/**
 * A read-only array whose elements are built on access from a function of the index: results of
 * millions of rows kept as typed-array columns (about 110 bytes per row) instead of one object
 * per row (about 370 bytes), with the shape of an ordinary array for the caller.
 *
 * @module
 */

/**
 * A read-only array of `length` elements, element `i` being `at(i)`, built anew on every access
 * (two reads of one index give equal, not identical, objects). `Array.isArray` is true;
 * indexing, `length`, iteration, `map` / `filter` / `forEach` / `slice`, spread, `Object.keys`
 * and `JSON.stringify` behave as for an array holding the elements; writes throw a `TypeError`.
 *
 * Cost: one object per access (short-lived), no memory per element but the columns `at` reads.
 *
 * @param length - number of elements (a non-negative integer)
 * @param at - the element at an index in `[0, length)`
 * @throws {RangeError} for a negative or non-integer length
 *
 * @example
 * ```ts
 * const squares = lazyArray(3, (i) => ({ i, square: i * i }));
 * squares[2]; //=> { i: 2, square: 4 }
 * squares.map((s) => s.square); //=> [0, 1, 4]
 * JSON.stringify(squares); //=> '[{"i":0,"square":0},{"i":1,"square":1},{"i":2,"square":4}]'
 * ```
 *
 * Reference: ECMAScript 2024, §10.5 (Proxy exotic objects) and §7.2.2 (IsArray).
 */
export function lazyArray<T>(length: number, at: (index: number) => T): readonly T[] {
  if (!(Number.isInteger(length) && length >= 0)) throw new RangeError(`lazyArray: length must be a non-negative integer, got ${length}`);
  const target: T[] = [];
  target.length = length;
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== "string" || key.length === 0 || key.length > 10) return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
    let n = 0;
    for (let k = 0; k < key.length; k++) {
      const d = key.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n < length ? n : -1;
  };
  const refuse = (): boolean => {
    throw new TypeError("lazyArray: the array is read-only");
  };
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      const i = indexOf(key);
      return i >= 0 ? at(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return indexOf(key) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = indexOf(key);
      return i >= 0 ? { value: at(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < length; i++) keys.push(String(i));
      for (const key of Reflect.ownKeys(t)) keys.push(key);
      return keys;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
  readers.set(proxy, at as (index: number) => unknown);
  return proxy;
}

/** The element functions of the arrays made by {@link lazyArray}. */
const readers = new WeakMap<object, (index: number) => unknown>();

/**
 * A function giving element `i` of an array: for an array made by {@link lazyArray}, its own
 * element function (no Proxy trap and no index string per access: a loop over millions of
 * elements runs several times faster); for any other array, `(i) => array[i]`.
 *
 * @param array - any array
 *
 * @example
 * ```ts
 * const at = elementReader(lazyArray(3, (i) => i * i));
 * at(2); //=> 4
 * elementReader([7, 8])(1); //=> 8
 * ```
 *
 * Reference: ECMAScript 2024, §24.3 (WeakMap objects).
 */
export function elementReader<T>(array: readonly T[]): (index: number) => T {
  const at = readers.get(array);
  return at !== undefined ? (at as (index: number) => T) : (index: number) => array[index]!;
}
