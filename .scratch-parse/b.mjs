import * as Y from 'js-yaml';
import fs from 'fs';
const text = fs.readFileSync('.scratch-parse/big.yaml','utf8');
for (let rep = 0; rep < 3; rep++) {
let t = performance.now();
const chunks = text.split(/^---(?=[ \t]|\r?$)/m);
console.log('split', chunks.length, (performance.now() - t).toFixed(0));
t = performance.now();
const evs = chunks.map(c => Y.parseEvents(c, {}));
console.log('parse chunks', (performance.now() - t).toFixed(0));
t = performance.now();
evs.forEach((e, i) => Y.constructFromEvents(e, { source: chunks[i] }));
console.log('construct chunks', (performance.now() - t).toFixed(0));
t = performance.now();
const ev = Y.parseEvents(text, {});
console.log('whole', (performance.now() - t).toFixed(0));
t = performance.now();
Y.constructFromEvents(ev, { source: text });
console.log('construct whole', (performance.now() - t).toFixed(0));
}
