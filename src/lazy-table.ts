// A read-only array computed on first read instead of at import: the catalog and the spec
// tables are parsed (schema-checked) only by a command that reads them, not by every start.
// `what` names the table in the error a write gets.
export function lazyTable<T>(what: string, load: () => readonly T[]): readonly T[] {
  let value: readonly T[] | undefined;
  const get = (): readonly T[] => (value ??= load());
  const readOnly = (): never => {
    throw new TypeError(`${what} is read-only`);
  };
  return new Proxy<T[]>([], {
    get: (_target, key) => Reflect.get(get(), key),
    has: (_target, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(get(), key),
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
