// The help texts against their man pages, their examples, and the schema
// page against docs/schema.md and docs/schema/*.json (tests/help/run.sh).
// It reads the help's layout on its own (docs/cli.md, "How the help is
// written"), not through jtai's code, so that it checks the generator.
//
//   node pages.js compare HELP MAN PAGE SUMMARY
//       HELP the help text, MAN the man page rendered as text (man -l),
//       PAGE "jtai", a command or "schema", SUMMARY what NAME must say
//       after "jtai-PAGE - " (- for anything); prints each disagreement
//   node pages.js examples HELP
//       one line an example: STATUS<TAB>PRINTS<TAB>HOW<TAB>COMMAND (PRINTS
//       "-" when the comment above says nothing of what it prints; HOW
//       "ctrl-c" when the comment says Ctrl-C ends it, else "run")
//   node pages.js schema HELP SCHEMA_MD JSON_DIR
//       the keys of each file and whether each is required
"use strict";
const fs = require("fs");

const known = {
  options: "OPTIONS", environment: "ENVIRONMENT", "exit status": "EXIT STATUS",
  examples: "EXAMPLES", "see also": "SEE ALSO",
};
const manName = (h) => known[h] || (/[./]/.test(h) ? h : h.toUpperCase());

// The help text as [{name (as in the man page), lines}].
function helpSections(text) {
  const lines = text.replace(/\n$/, "").split("\n");
  const out = [{ name: "SYNOPSIS", lines: [] }];
  let i = 0;
  for (; i < lines.length && lines[i] !== ""; i++)
    out[0].lines.push(i === 0 ? lines[i].replace(/^(usage|files): /, "") : lines[i]);
  out.push({ name: "DESCRIPTION", lines: [] });
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (i > 0 && lines[i - 1] === "" && /^[a-z][a-zA-Z0-9 ./-]*:$/.test(l))
      out.push({ name: manName(l.slice(0, -1)), lines: [] });
    else
      out[out.length - 1].lines.push(l);
  }
  return out;
}

// The rendered man page as [{name, lines}], header and footer left out.
function manSections(text) {
  const lines = text
    .replace(/[\u2010\u2011\u2212]/g, "-").replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"').replace(/\u00a0/g, " ")
    .split("\n");
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  lines.pop(); // the footer
  lines.shift(); // the header
  const out = [];
  for (const l of lines) {
    if (/^\S/.test(l)) out.push({ name: l.trim(), lines: [] });
    else if (out.length) out[out.length - 1].lines.push(l);
  }
  return out;
}

const words = (lines) => lines.join(" ").split(/\s+/).filter(Boolean);

// Lines of a section that are items: [{term, def}], indent 2 (or 6 for
// a long option), the term parted by two spaces.
function helpItems(lines) {
  const out = [];
  for (const l of lines) {
    const m = /^(  |      (?=-))(\S.*?)(?:  +(.*))?$/.exec(l);
    if (m) out.push({ term: m[2], def: m[3] || "" });
    else if (/^   /.test(l) && out.length)
      out[out.length - 1].def = `${out[out.length - 1].def} ${l.trim()}`.trim();
  }
  return out;
}

function examples(lines) {
  const out = [];
  let comment = "";
  let fresh = false;
  for (const l of lines) {
    if (/^  # /.test(l)) {
      comment = fresh ? comment + " " + l.slice(4) : l.slice(4);
      fresh = true;
    } else if (/^  \S/.test(l)) {
      fresh = false;
      const status = /exit status (\d+)/.exec(comment);
      const prints = /\(prints ([^)]*)\)/.exec(comment);
      out.push({ command: l.slice(2), status: status ? +status[1] : 0,
        prints: prints ? prints[1] : null, interrupt: /Ctrl-C/.test(comment) });
    }
  }
  return out;
}

function compare(helpFile, manFile, page, summary) {
  const help = helpSections(fs.readFileSync(helpFile, "utf8"));
  const man = manSections(fs.readFileSync(manFile, "utf8"));
  const bad = [];
  const file = page === "jtai" ? "jtai" : "jtai-" + page;
  const got = man.map((s) => s.name);
  if (got[0] !== "NAME") bad.push("the man page does not start with NAME");
  const name = man.find((s) => s.name === "NAME");
  const said = name ? words(name.lines).join(" ") : "";
  if (summary === "-" ? !said.startsWith(`${file} - `) : said !== `${file} - ${summary}`)
    bad.push(`NAME is '${said}', not '${file} - ${summary === "-" ? "..." : summary}'`);
  const want = help.map((s) => s.name);
  if (got.slice(1).join("|") !== want.join("|"))
    bad.push(`sections differ: man ${got.slice(1).join(", ")}; help ${want.join(", ")}`);
  const needs = page === "schema"
    ? ["SYNOPSIS", "DESCRIPTION", "EXAMPLES", "SEE ALSO"]
    : ["SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"];
  for (const n of needs) if (!got.includes(n)) bad.push(`no ${n}`);
  for (const h of help) {
    const m = man.find((s) => s.name === h.name);
    if (!m) continue;
    const hl = h.name === "EXAMPLES" ? h.lines.map((l) => l.replace(/^  # /, "  ")) : h.lines;
    const hw = words(hl), mw = words(m.lines);
    let k = 0;
    while (k < hw.length && k < mw.length && hw[k] === mw[k]) k++;
    if (k < hw.length || k < mw.length)
      bad.push(`${h.name} differs at word ${k + 1}: help '${hw.slice(k, k + 6).join(" ")}', ` +
        `man '${mw.slice(k, k + 6).join(" ")}'`);
  }
  // the same, item by item, for plain messages
  const sect = (list, n) => (list.find((s) => s.name === n) || { lines: [] }).lines;
  const opts = (terms) => new Set(terms.flatMap((t) => t.match(/(?<![\w-])--?[A-Za-z][-A-Za-z0-9]*/g) || []));
  const helpOpts = opts(helpItems(sect(help, "OPTIONS")).map((i) => i.term));
  const manOpts = opts(sect(man, "OPTIONS").filter((l) => /^\s+-/.test(l)).map((l) => l.trim().split(/  +/)[0]));
  for (const o of helpOpts) if (!manOpts.has(o)) bad.push(`option ${o} in --help, not in the man page`);
  for (const o of manOpts) if (!helpOpts.has(o)) bad.push(`option ${o} in the man page, not in --help`);
  const helpEx = examples(sect(help, "EXAMPLES")).map((e) => e.command);
  const manLines = sect(man, "EXAMPLES").map((l) => l.trim());
  for (const e of helpEx) if (!manLines.includes(e)) bad.push(`example '${e}' in --help, not in the man page`);
  for (const l of manLines) if (/^jtai( |$)/.test(l) && !helpEx.includes(l)) bad.push(`example '${l}' in the man page, not in --help`);
  const codes = (lines, re) => lines.map((l) => re.exec(l)).filter(Boolean).map((m) => m[1]).join(" ");
  const he = codes(sect(help, "EXIT STATUS"), /^  (\d+)  /), me = codes(sect(man, "EXIT STATUS"), /^\s+(\d+)\s/);
  if (he !== me) bad.push(`exit statuses: --help ${he}, man page ${me}`);
  if (page !== "schema" && he === "") bad.push("no exit status listed");
  for (const b of bad) console.log(b);
  process.exit(bad.length ? 1 : 0);
}

// docs/schema.md's tables: {file: [{key, required}]}, file as the help's
// heading (findings/INSPECTORATE.yaml).
function schemaMd(text) {
  const out = {};
  let file = null;
  for (const l of text.split("\n")) {
    const h = /^## (.*)$/.exec(l);
    if (h) {
      file = h[1].replace(/&lt;inspectorate&gt;/, "INSPECTORATE");
      if (!/\.yaml$/.test(file)) file = null;
      continue;
    }
    const row = /^\| (`[^|]*) \| ([^|]*) \|/.exec(l);
    if (file && row) (out[file] = out[file] || []).push({
      key: row[1].replace(/`/g, ""), required: row[2].trim() });
  }
  return out;
}

// Every key a JSON Schema knows: "area.name", "findings[].id".
function jsonKeys(node, path, out) {
  if (!node || typeof node !== "object") return out;
  if (node.properties) for (const k in node.properties) {
    const p = path ? `${path}.${k}` : k;
    out.push(p);
    jsonKeys(node.properties[k], p, out);
  }
  if (node.items) jsonKeys(node.items, path + "[]", out);
  for (const k of ["allOf", "anyOf", "oneOf"]) if (node[k]) node[k].forEach((n) => jsonKeys(n, path, out));
  return out;
}

function schema(helpFile, mdFile, jsonDir) {
  const help = helpSections(fs.readFileSync(helpFile, "utf8"));
  const md = schemaMd(fs.readFileSync(mdFile, "utf8"));
  const bad = [];
  const files = { "inspection.yaml": "inspection", "findings/INSPECTORATE.yaml": "findings", "cases.yaml": "cases" };
  for (const file in files) {
    const s = help.find((x) => x.name === file);
    if (!s) { bad.push(`no section ${file}: in jtai help schema`); continue; }
    const items = helpItems(s.lines);
    const rows = md[file] || [];
    if (!rows.length) bad.push(`no table for ${file} in docs/schema.md`);
    for (const r of rows) {
      const it = items.find((i) => i.term === r.key);
      if (!it) { bad.push(`${file}: ${r.key} is in docs/schema.md, not in jtai help schema`); continue; }
      const req = /^required\b/.test(it.def);
      const want = r.required === "yes" || r.required === "graded frameworks";
      if (req !== want) bad.push(`${file}: ${r.key} is ${want ? "" : "not "}required in docs/schema.md (${r.required}), but the help says '${it.def.slice(0, 40)}'`);
      if (r.required === "graded frameworks" && !/graded framework/.test(it.def))
        bad.push(`${file}: ${r.key}: the help does not say it is for graded frameworks`);
    }
    for (const i of items) if (!rows.find((r) => r.key === i.term))
      bad.push(`${file}: ${i.term} is in jtai help schema, not in docs/schema.md`);
    // the JSON Schema: each key of the help is one of its keys; each of
    // its keys is a help key, leads to one, or is named in one's definition
    const json = jsonKeys(JSON.parse(fs.readFileSync(`${jsonDir}/${files[file]}.schema.json`, "utf8")), "", []);
    const keys = []; // [{key, def}]: "dates.fieldwork.from, .to" is two
    for (const i of items) {
      const parts = i.term.split(", ");
      for (const p of parts)
        keys.push({ key: p.startsWith(".") ? parts[0].replace(/\.[^.]*$/, "") + p : p, def: i.def });
    }
    for (const k of keys) if (!json.includes(k.key)) bad.push(`${file}: ${k.key} is not in ${files[file]}.schema.json`);
    const covered = (j) => keys.some((k) => k.key === j ||
      k.key.startsWith(j + ".") || k.key.startsWith(j + "[]") ||
      ((j.startsWith(k.key + ".") || j.startsWith(k.key + "[].")) &&
        new RegExp(`\\b${j.split(".").pop()}\\b`).test(k.def)));
    for (const j of json) if (!covered(j))
      bad.push(`${file}: ${j} of ${files[file]}.schema.json is not in jtai help schema`);
  }
  for (const b of bad) console.log(b);
  process.exit(bad.length ? 1 : 0);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === "compare") compare(...args);
else if (cmd === "schema") schema(...args);
else if (cmd === "examples") {
  const help = helpSections(fs.readFileSync(args[0], "utf8"));
  const s = help.find((x) => x.name === "EXAMPLES");
  for (const e of examples(s ? s.lines : []))
    console.log(`${e.status}\t${e.prints === null ? "-" : e.prints}\t` +
      `${e.interrupt ? "ctrl-c" : "run"}\t${e.command}`);
} else {
  console.error("usage: node pages.js compare|examples|schema ...");
  process.exit(2);
}
