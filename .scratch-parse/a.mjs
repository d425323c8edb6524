import * as Y from 'js-yaml';
import fs from 'fs';
const seed = JSON.parse(fs.readFileSync('/work/shared/conformance/cases/seed-1-as-printed.json','utf8')).policies;
try { Y.parseEvents(seed, {}); } catch (e) { console.log('seed', e.reason, e.mark && {line: e.mark.line, col: e.mark.column, pos: e.mark.position}); }
const t = 'a: 1\nb:\n  - "x"\n  - {c: d}\nk: &A [1,2]\nm: *A\n---\nfoo\n...\n';
const ev = Y.parseEvents(t, {});
for (const e of ev) console.log(JSON.stringify(e), e.type===4? JSON.stringify(t.slice(e.valueStart, e.valueEnd)) : e.type===3||e.type===2 ? JSON.stringify(t.slice(e.start, e.start+5)) : '');
console.log(Y.constructFromEvents(ev, {source: t}));
// slice one doc
const i2 = ev.findIndex((e,i)=>i>0 && e.type===1);
console.log(Y.constructFromEvents(ev.slice(i2), {source: t}));
try { Y.constructFromEvents(Y.parseEvents('a: 1\na: 2\n',{}), {source:'a: 1\na: 2\n'}) } catch(e) { console.log('dup', e.reason, e.mark && e.mark.line, e.mark && e.mark.position) }
try { Y.parseEvents('['.repeat(10000), {}) } catch(e) { console.log('deep', e.reason, e.mark && e.mark.line) }
let s=''; for (let i=0;i<10000;i++) s += ' '.repeat(i)+'a:\n';
let t0=Date.now(); try { Y.parseEvents(s, {}) } catch(e) { console.log('deep2', e.reason, e.mark && e.mark.line, Date.now()-t0) }
try { Y.parseEvents('\u0000\u0001\u0002garbage\uFFFF', {}) } catch(e) { console.log('bin', e.reason) }
console.log(JSON.stringify(Y.parseEvents('', {})), JSON.stringify(Y.parseEvents('# c\n', {})), JSON.stringify(Y.parseEvents('---\n', {})));
