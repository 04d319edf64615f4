// A zod schema built the first time it is used instead of at import. zod v4 does real work per
// schema as it constructs it (checkers, shapes, bound methods): a start that built every imported
// module's schemas paid ~10 ms of a 0.13 s `llmfit fit` for parsers most commands never run (a
// CPU profile). The value stands in for the schema everywhere (parse, composing into other
// schemas, z.infer), so a module keeps writing `const X = lazySchema(() => z.object(...))`.
//
// A proxy rather than a getter, so that no call site changes: every property read goes to the
// real schema, built on the first read. zod keeps `_zod` as a non-configurable property; the
// proxy's empty target cannot report one, so descriptors are handed out as configurable.

const built = new WeakMap<object, () => boolean>();

export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const get = (): T => (real ??= build());
  const proxy = new Proxy({} as T, {
    get: (_t, key) => Reflect.get(get(), key),
    has: (_t, key) => Reflect.has(get(), key),
    set: (_t, key, value) => Reflect.set(get(), key, value),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
  built.set(proxy, () => real !== undefined);
  return proxy;
}

/** Whether a lazy schema has been built yet (tests: a path that must not parse did not). */
export function schemaBuilt(schema: object): boolean {
  const check = built.get(schema);
  if (check === undefined) throw new TypeError("not a lazySchema");
  return check();
}
