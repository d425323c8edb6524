import * as Y from 'js-yaml';
const t = 'a: "x\\ty"\nb: |\n  hi\n"c d": 1\n';
const ev = Y.parseEvents(t, {});
for (const e of ev) if (e.type === 4) console.log(JSON.stringify(Y.getScalarValue(t, e)), e.valueStart, e.valueEnd, e.style);
try { Y.parseEvents('a: 1\n\tb: 2\n', {}) } catch (e) { console.log(e.reason, e.mark.line, e.mark.column) }
try { Y.parseEvents('a: [1, 2\nb: 3\n', {}) } catch (e) { console.log(e.reason, e.mark.line, e.mark.column) }
try { Y.parseEvents('a:\n  b: 1\n c: 2\n', {}) } catch (e) { console.log(e.reason, e.mark.line, e.mark.column) }
try { Y.parseEvents('a: b: c\n', {}) } catch (e) { console.log(e.reason, e.mark.line, e.mark.column) }
try { Y.constructFromEvents(Y.parseEvents('a: *x\n', {}), {source:'a: *x\n'}) } catch (e) { console.log(e.reason, e.mark?.line, e.mark?.column) }
console.log(Y.dump({a: '80', b: 'true', c: 'http', d: '1e3', e: '0x50', f: 'yes', g: '', h: [], i: {}, j: 'on', k:'1_000', l: 'null', m: '~'}, {noRefs: true}));
