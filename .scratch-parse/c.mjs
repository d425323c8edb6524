import * as Y from 'js-yaml';
const tries = ['a: &a [*a]\n', 'a: &a {b: *a}\n', '<<: {a: 1}\nb: 2\n', 'a: !!binary aGVsbG8=\n', 'a: !foo x\n', 'a: 2001-01-01\n', '? [a]\n: 1\n', '{"a": 1, "a": 2}', 'a: 0x10\nb: 1_000\nc: .inf\nd: 1e3\ne: 010\n'];
for (const t of tries) {
  try { const ev = Y.parseEvents(t, {}); const v = Y.constructFromEvents(ev, { source: t, schema: Y.CORE_SCHEMA.withTags(Y.mergeTag) }); console.log(JSON.stringify(t), v); } catch (e) { console.log(JSON.stringify(t), 'ERR', e.reason, e.mark?.position); }
}
// billion laughs
let s = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(9).fill('*a' + (i - 1)).join(',')}]\n`;
let t = performance.now();
const v = Y.constructFromEvents(Y.parseEvents(s, {}), { source: s });
console.log('bomb', (performance.now() - t).toFixed(1), Object.keys(v[0]).length);
