// Parses every *.mmd file of a directory with the real Mermaid parser, in one process, and
// prints one line per file: "NAME<TAB>ok" or "NAME<TAB>error: MESSAGE". Mermaid 11 is an ES
// module that needs a DOM even to parse (DOMPurify), so jsdom provides one; no browser runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const dir = process.argv[2];
for (const name of readdirSync(dir).filter(f => f.endsWith('.mmd')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  try {
    await mermaid.parse(text);
    process.stdout.write(`${name}\tok\n`);
  } catch (e) {
    const message = String(e && e.message ? e.message : e).replace(/\s+/g, ' ').slice(0, 400);
    process.stdout.write(`${name}\terror: ${message}\n`);
  }
}
