// A read-only table computed on first read instead of at import: the spec tables are parsed
// (schema-checked) only by a command that looks a GPU or CPU up, not by every start.
function readOnly(): never {
  throw new TypeError("spec tables are read-only");
}

export function lazyTable<T>(load: () => readonly T[]): readonly T[] {
  let value: readonly T[] | undefined;
  const get = (): readonly T[] => (value ??= load());
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
