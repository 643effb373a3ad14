// Copyright 2026 The zhenalign Authors. All rights reserved.
//
// golden.mjs writes what opencc-js itself makes of the lines holding Han
// characters of a text file, one output line per such input line. It makes
// the golden files of TestGolden; they come from opencc-js, not from
// package opencc, so `go test` has no -update flag for them.
//
// Usage (npm and node needed, nothing is installed in the repository):
//
//	P=$(mktemp -d) && (cd $P && npm install opencc-js@1.4.2)
//	cd internal/opencc/testdata
//	node golden.mjs t2s $P/node_modules/opencc-js ../t2s.txt.gz \
//	    < ../../../testdata/seeds/001_04ade73db5640df0.txt > seed001.t2s.golden
//	node golden.mjs s2t $P/node_modules/opencc-js < seed001.t2s.golden > seed001.s2t.golden
//	node golden.mjs t2s $P/node_modules/opencc-js ../t2s.txt.gz < cases.txt > cases.t2s.golden
//	node golden.mjs s2t $P/node_modules/opencc-js < cases.txt > cases.s2t.golden
//
// cases.txt holds ten hand-written lines (phrases, folded variants,
// compatibility ideographs, ideographic description sequences, astral
// characters) and 300 random concatenations of dictionary keys, values and
// their fragments.
//
// t2s is the chain of package opencc's T2S: opencc-js's "t2s" configuration
// (normalisation of CJK compatibility ideographs, then TSPhrases and
// TSCharacters) with the Taiwan and Hong Kong variant fold of gen.go as a
// character pass after the normalisation. The fold list is read from the
// @pre section of t2s.txt.gz (the entries that are not compatibility
// ideographs). s2t is opencc-js's own Converter({from: 'cn', to: 't'}).
// On stderr the script says how many lines differ from plain
// Converter({from: 't', to: 'cn'}), that is, how many the fold changed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const [mode, pkg, table] = process.argv.slice(2);
if (!['t2s', 's2t'].includes(mode) || !pkg || (mode === 't2s' && !table)) {
  console.error('usage: node golden.mjs t2s PKGDIR t2s.txt.gz < in > out | node golden.mjs s2t PKGDIR < in > out');
  process.exit(2);
}
const lib = async (p) => (await import(pathToFileURL(join(pkg, 'dist/esm-lib', p + '.js')).href));
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (version !== '1.4.2') {
  console.error(`golden.mjs: opencc-js ${version}, want 1.4.2`);
  process.exit(1);
}
const { ConverterFactory } = await lib('core');
const { Converter } = await import(pathToFileURL(join(pkg, 'dist/esm/full.js')).href);
const dict = async (name) => (await lib('dict/' + name)).default;

let convert;
let plain;
if (mode === 't2s') {
  const cjk = await dict('CJK_Compatibility_Ideographs');
  const compat = new Set(cjk.split('|').map((e) => e.split(' ')[0]));
  const text = gunzipSync(readFileSync(table)).toString('utf8').split('\n');
  const n = Number(text[1].split(' ')[1]);
  const fold = text.slice(2, 2 + n).map((l) => l.split('\t')).filter(([k]) => !compat.has(k));
  console.error('golden.mjs: fold', fold.map(([k, v]) => k + '→' + v).join(' '));
  convert = ConverterFactory([cjk], [fold], [await dict('TSPhrases'), await dict('TSCharacters')]);
  plain = Converter({ from: 't', to: 'cn' });
} else {
  convert = Converter({ from: 'cn', to: 't' });
  plain = convert;
}
const input = readFileSync(0, 'utf8').split('\n');
if (input.at(-1) === '') input.pop();
let out = '';
let differ = 0;
for (const line of input) {
  if (!/\p{Script=Han}/u.test(line)) continue;
  const got = convert(line);
  if (got !== plain(line)) differ++;
  out += got + '\n';
}
process.stdout.write(out);
console.error(`golden.mjs: ${mode}: ${differ} line(s) differ from plain opencc-js`);
