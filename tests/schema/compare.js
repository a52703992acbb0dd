// The JSON Schemas (docs/schema/*.schema.json) against `jtai check`, file by
// file (README.md beside this file). Run by run.sh, which installs ajv,
// ajv-formats and yaml:
//
//   NODE_PATH=CACHE/node_modules node compare.js JTAI ROOT [--table]
//
// --table prints each malformed case's verdicts (which files each side
// refuses) instead of testing, to help classify a new case in reach.txt.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const YAML = require('yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [jtai, root, mode] = process.argv.slice(2);
const here = __dirname;
const malformed = path.join(root, 'tests/malformed');
let pass = 0;
let fail = 0;
const ok = (what) => { pass++; console.log(`ok   ${what}`); };
const bad = (what, why) => {
	fail++;
	console.log(`FAIL ${what}: ${why}`);
};

// ---- the schema side: YAML 1.2 (core schema) as editors parse it ----

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
addFormats(ajv);
const schemas = {};
for (const kind of ['inspection', 'findings', 'cases']) {
	const file = path.join(root, 'docs/schema', `${kind}.schema.json`);
	schemas[kind] = JSON.parse(fs.readFileSync(file, 'utf8'));
	schemas[kind].validate = ajv.compile(schemas[kind]);
}

function kindOf(file) {
	const base = path.basename(file);
	if (base === 'inspection.yaml') return 'inspection';
	if (base === 'cases.yaml') return 'cases';
	if (path.basename(path.dirname(file)) === 'findings') return 'findings';
	return null;
}

// Returns null when the schema accepts file, else why not.
function schemaVerdict(file) {
	// an editor shows bytes that are not UTF-8 as U+FFFD
	const text = new TextDecoder('utf-8').decode(fs.readFileSync(file));
	const doc = YAML.parseDocument(text, { version: '1.2', uniqueKeys: true });
	if (doc.errors.length) return `yaml: ${doc.errors[0].message.split('\n')[0]}`;
	let data;
	try {
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		return `yaml: ${e.message}`;
	}
	const validate = schemas[kindOf(file)].validate;
	if (validate(data === undefined ? null : data)) return null;
	const e = validate.errors[0];
	return `${e.instancePath || '/'} ${e.message}`;
}

// The files of an inspection folder that a schema describes.
function inputs(dir) {
	const files = [path.join(dir, 'inspection.yaml'), path.join(dir, 'cases.yaml')];
	const fdir = path.join(dir, 'findings');
	if (fs.existsSync(fdir) && fs.statSync(fdir).isDirectory())
		for (const f of fs.readdirSync(fdir).sort())
			if (f.endsWith('.yaml')) files.push(path.join(fdir, f));
	return files.filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

// ---- jtai's side: the files its errors name ----

function jtaiVerdict(dir, args) {
	const r = spawnSync(jtai, ['check', '--format', 'json', ...args, path.basename(dir)], {
		cwd: path.dirname(dir), encoding: 'utf8', timeout: 20000,
	});
	if (r.status !== 0 && r.status !== 1)
		throw new Error(`jtai check exited ${r.status}: ${r.stderr}`);
	const report = JSON.parse(r.stdout);
	const files = new Set();
	for (const d of report.diagnostics)
		if (d.severity === 'error' && d.file)
			files.add(path.join(path.dirname(dir), d.file));
	return { status: r.status, files, report };
}

// Both sides on every file of dir: { schema: Map(file -> why), jtai }.
function judge(dir, args) {
	const schema = new Map();
	for (const f of inputs(dir)) {
		const why = schemaVerdict(f);
		if (why) schema.set(f, why);
	}
	return { schema, jtai: jtaiVerdict(dir, args) };
}

const rel = (dir, set) => [...set].map((f) => path.relative(dir, f)).sort().join(' ');

// ---- valid inspections: both sides accept every file ----

function checkValid(dir, label) {
	const v = judge(dir, []);
	if (v.schema.size) {
		const [f, why] = [...v.schema][0];
		bad(label, `the schema refuses ${path.relative(dir, f)}: ${why}`);
	} else if (v.jtai.status !== 0) {
		bad(label, `jtai check refuses ${rel(dir, v.jtai.files)}`);
	} else {
		ok(`${label}: valid for both`);
	}
}

// ---- malformed cases: assembled as tests/malformed/run.sh does ----

function assemble(caseDir, work) {
	const name = path.basename(caseDir);
	const base = fs.readFileSync(path.join(caseDir, 'base'), 'utf8').split('\n')[0];
	const dir = path.join(work, name);
	fs.rmSync(work, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.cpSync(path.join(malformed, 'base', base), dir, { recursive: true });
	const del = path.join(caseDir, 'delete');
	if (fs.existsSync(del))
		for (const p of fs.readFileSync(del, 'utf8').split('\n'))
			if (p) fs.rmSync(path.join(dir, p), { recursive: true, force: true });
	fs.cpSync(caseDir, dir, { recursive: true, force: true });
	for (const f of ['base', 'delete', 'args', 'expected.txt'])
		fs.rmSync(path.join(dir, f), { force: true });
	const argsFile = path.join(caseDir, 'args');
	const args = fs.existsSync(argsFile)
		? fs.readFileSync(argsFile, 'utf8').split('\n')[0].split(/\s+/).filter(Boolean)
		: [];
	return { dir, args };
}

// reach.txt: "<case> schema|outside <why>" for every case.
function readReach() {
	const reach = new Map();
	const text = fs.readFileSync(path.join(here, 'reach.txt'), 'utf8');
	for (const line of text.split('\n')) {
		const m = line.match(/^([a-z0-9-]+)\s+(schema|outside)\s+\S/);
		if (m) reach.set(m[1], m[2]);
		else if (line.trim() && !line.startsWith('#'))
			bad('reach.txt', `cannot read the line '${line}'`);
	}
	return reach;
}

function checkCase(caseDir, reach, work) {
	const name = path.basename(caseDir);
	const { dir, args } = assemble(caseDir, work);
	const v = judge(dir, args);
	const s = rel(dir, v.schema.keys());
	const j = rel(dir, v.jtai.files);
	if (mode === '--table') {
		console.log(`${name}\tschema: ${s || '-'}\tjtai: ${j || '-'}\t` +
			`${[...v.schema.values()].join('; ')}`);
		return;
	}
	const want = reach.get(name);
	if (v.jtai.status !== 1 || !j)
		bad(name, 'jtai check accepts it: not a malformed case');
	else if (want === undefined)
		bad(name, `not classified in tests/schema/reach.txt (the schema ` +
			`refuses: ${s || 'nothing'}; jtai: ${j})`);
	else if (want === 'outside' && s)
		bad(name, `classified outside the schema's reach, but the schema ` +
			`refuses ${s}: ${[...v.schema.values()][0]}`);
	else if (want === 'schema' && s !== j)
		bad(name, `the schema refuses ${s || 'no file'}, jtai check ${j}`);
	else
		ok(`${name}: ${want === 'schema' ? `both refuse ${j}` : `outside the schema (jtai refuses ${j})`}`);
}

// ---- the lists in the schemas, in step with jtai's data ----

function checkLists() {
	const names = YAML.parse(fs.readFileSync(path.join(root, 'templates/inspectorates.yaml'), 'utf8'));
	const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
	for (const kind of ['inspection', 'findings'])
		if (same(schemas[kind].definitions.inspectorate.enum, Object.keys(names)))
			ok(`${kind}: the inspectorates are those of templates/inspectorates.yaml`);
		else bad(kind, 'the inspectorates differ from templates/inspectorates.yaml');
	const r = spawnSync(jtai, ['check', '--explain', 'all'], { encoding: 'utf8' });
	const rules = r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0]);
	const waiver = schemas.findings.properties.findings.items.properties.waivers.items;
	if (rules.length && same(waiver.properties.rule.enum, rules))
		ok('findings: the waivers\' rules are those of jtai check --explain all');
	else bad('findings', 'the waivers\' rules differ from jtai check --explain all');
	const kinds = schemas.findings.properties.findings.items.properties.kind.anyOf[0].enum;
	const fws = schemas.inspection.properties.framework.anyOf[0].enum;
	const tdir = path.join(root, 'templates');
	const shipped = fs.readdirSync(tdir).filter((d) =>
		fs.existsSync(path.join(tdir, d, 'framework.yaml')));
	if (same(fws, shipped)) ok('inspection: the frameworks offered are those under templates/');
	else bad('inspection', `the frameworks offered differ from templates/: ${shipped}`);
	for (const fw of shipped) {
		const y = YAML.parse(fs.readFileSync(path.join(tdir, fw, 'framework.yaml'), 'utf8'));
		const extra = y.kinds.map((k) => k.id).filter((k) => !kinds.includes(k));
		if (extra.length) bad(fw, `kinds missing from the findings schema's list: ${extra}`);
		else ok(`${fw}: every kind is in the findings schema's list`);
	}
}

// ---- run ----

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jtai-schema-'));
try {
	if (mode !== '--table') {
		checkLists();
		for (const parent of ['samples', 'tests/golden/inputs', 'tests/malformed/base'])
			for (const d of fs.readdirSync(path.join(root, parent)).sort()) {
				const dir = path.join(root, parent, d);
				if (fs.existsSync(path.join(dir, 'inspection.yaml')))
					checkValid(dir, `${parent}/${d}`);
			}
	}
	if (mode !== '--table') {
		// what jtai new writes, for every framework
		for (const fw of fs.readdirSync(path.join(root, 'templates')).sort()) {
			if (!fs.existsSync(path.join(root, 'templates', fw, 'framework.yaml'))) continue;
			const dir = path.join(work, `new-${fw}`);
			const r = spawnSync(jtai, ['new', '--framework', fw, '--notified', '2026-03-02', dir],
				{ encoding: 'utf8' });
			if (r.status !== 0) bad(`jtai new --framework ${fw}`, r.stderr.trim());
			else checkValid(dir, `jtai new --framework ${fw}`);
		}
	}
	const reach = mode === '--table' ? new Map() : readReach();
	const cases = fs.readdirSync(path.join(malformed, 'cases')).sort();
	for (const c of cases)
		checkCase(path.join(malformed, 'cases', c), reach, path.join(work, 'w'));
	for (const c of reach.keys())
		if (!cases.includes(c)) bad(c, 'in reach.txt but not a case');
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
if (mode !== '--table') console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
