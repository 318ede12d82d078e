// Sums the outcome counters of every .trx file under a folder into one plain summary line.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
const walk = dir => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.trx')) files.push(path);
  }
};
walk(process.argv[2]);

const count = (xml, attr) => Number((xml.match(new RegExp(`<Counters[^>]*\\s${attr}="(\\d+)"`)) || [])[1] || 0);
let passed = 0, failed = 0, skipped = 0;
for (const file of files) {
  const xml = readFileSync(file, 'utf8');
  passed += count(xml, 'passed');
  failed += count(xml, 'failed') + count(xml, 'error') + count(xml, 'timeout') + count(xml, 'aborted');
  // VSTest counts a skipped test in total but not in executed.
  skipped += count(xml, 'total') - count(xml, 'executed') + count(xml, 'inconclusive');
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
