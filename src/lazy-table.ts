// A read-only array computed on first read instead of at import: the catalog and the spec
// tables are parsed (schema-checked) only by a command that reads them, not by every start.
// `what` names the table in the error a write gets.
/** Array methods that change the array in place. */
const WRITERS: ReadonlySet<string> = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin"]);

export function lazyTable<T>(what: string, load: () => readonly T[]): readonly T[] {
  let value: readonly T[] | undefined;
  const get = (): readonly T[] => (value ??= load());
  const readOnly = (): never => {
    throw new TypeError(`${what} is read-only`);
  };
  // An array method called on the proxy (GPU_SPECS.find, CATALOG.filter) would read every index
  // and the length through the trap below: 3–4× slower than on the array, and the spec lookups
  // run per GPU part of every speed estimate. So methods that only read come bound to the loaded
  // array, once each; one that writes stays unbound, so it writes through the proxy and is refused.
  const bound = new Map<PropertyKey, unknown>();
  const read = (key: PropertyKey): unknown => {
    const table = get();
    const v: unknown = Reflect.get(table, key);
    if (typeof v !== "function" || (typeof key === "string" && WRITERS.has(key))) return v;
    let b = bound.get(key);
    if (b === undefined) bound.set(key, (b = (v as (...args: unknown[]) => unknown).bind(table)));
    return b;
  };
  return new Proxy<T[]>([], {
    get: (_target, key) => read(key),
    has: (_target, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(get(), key),
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
