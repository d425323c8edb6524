/**
 * Ids are `<namespace>/<name>`. When two different things would get the same id, the later
 * one (in input order) gets `[Kind]` appended (`shop/web[StatefulSet]`), and `#2`, `#3`... if
 * even that is taken.
 */

export class IdAllocator {
  private readonly taken = new Set<string>();

  has(id: string): boolean {
    return this.taken.has(id);
  }

  claim(id: string): void {
    this.taken.add(id);
  }
}

/** The first free id among `base`, `base[kind]`, `base[kind]#2`, ... in every allocator given. */
export function allocateId(base: string, kind: string, allocators: readonly IdAllocator[]): string {
  const free = (id: string): boolean => allocators.every((a) => !a.has(id));
  let id = base;
  if (!free(id)) id = `${base}[${kind}]`;
  for (let n = 2; !free(id); n++) id = `${base}[${kind}]#${n}`;
  for (const a of allocators) a.claim(id);
  return id;
}
