// compare.js - the judge of the HCL differential test (check-hcl2json.sh):
// HashiCorp's parser (@cdktf/hcl2json, hclsyntax in WebAssembly) against
// backuplint's (the tree hcl_parse() builds, printed by tojson in
// hcl2json's shape).
//   node compare.js TOJSON FILE.tf...            compare each file
//   node compare.js --selftest TOJSON FILE.tf    show that a wrong
//                                                expectation fails
// A file passes when both parsers accept it and give the same JSON (same
// structure, every literal the same value, every expression the same
// source text, so the same span), or when both reject it. Prints one line
// per check and "N passed, N failed" last.
"use strict";
const { parse } = require("@cdktf/hcl2json");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function ours(tool, file) {
  try {
    const out = execFileSync(tool, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, v: JSON.parse(out) };
  } catch (e) {
    if (e.status === 1) return { ok: false, msg: String(e.stdout).trim() };
    throw new Error(`${tool} ${file}: ${e.message}`);
  }
}

async function theirs(file) {
  try {
    return { ok: true, v: await parse(path.basename(file), fs.readFileSync(file, "utf8")) };
  } catch (e) {
    return { ok: false, msg: String(e.message || e).split("\n")[0].slice(0, 200) };
  }
}

const show = (v) => { const s = JSON.stringify(v); return s === undefined ? "nothing" : s.length > 120 ? s.slice(0, 117) + "..." : s; };

// The first difference between a (ours) and b (theirs), or null.
function diff(a, b, where) {
  if (typeof a === "number" && typeof b === "number") {
    return a === b ? null : `${where}: ${a} here, ${b} in hcl2json`;
  }
  // hcl2json cannot write a number beyond the double range: null
  if (typeof a === "number" && !isFinite(a) && b === null) return null;
  if (a === null || b === null || typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) {
    return a === b ? null : `${where}: ${show(a)} here, ${show(b)} in hcl2json`;
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${where}: ${a.length} items here, ${b.length} in hcl2json`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof a === "object") {
    const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    for (const k of kb) if (!(k in a)) return `${where}: key ${JSON.stringify(k)} only in hcl2json`;
    for (const k of ka) {
      if (!(k in b)) return `${where}: key ${JSON.stringify(k)} only here`;
      const d = diff(a[k], b[k], `${where}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${where}: ${show(a)} here, ${show(b)} in hcl2json`;
}

// hcl2json parsed the file but could not print a value it evaluates (an
// operator on a literal of the wrong type, a number too big for JSON):
// that is not a decision of the parser.
const unprintable = (t) => !t.ok && t.msg.includes("convert to HCL");

function judge(o, t) {
  if (o.ok && t.ok) return diff(o.v, t.v, "$");
  if (o.ok && unprintable(t)) return null;
  if (!o.ok && !t.ok) return null;
  return o.ok ? `accepted here, rejected by hcl2json (${t.msg})` : `rejected here (${o.msg}), accepted by hcl2json`;
}

// Mutations of our output that the comparison must catch.
function firstLeaf(v, pred, set) {
  if (v && typeof v === "object") {
    for (const k of Object.keys(v)) {
      if (pred(v[k])) { set(v, k); return true; }
      if (firstLeaf(v[k], pred, set)) return true;
    }
  }
  return false;
}

async function selftest(tool, file) {
  let pass = 0, fail = 0;
  const check = (name, cond) => {
    if (cond) { pass++; console.log(`ok: self-test: ${name}`); } else { fail++; console.log(`FAIL: self-test: ${name}`); }
  };
  const o = ours(tool, file), t = await theirs(file);
  check(`${file} agrees before any change`, judge(o, t) === null);
  const mutate = (f) => { const c = JSON.parse(JSON.stringify(o.v)); return f(c) ? { ok: true, v: c } : null; };
  const num = mutate((c) => firstLeaf(c, (x) => typeof x === "number", (p, k) => { p[k] += 1; }));
  check("a number one off is caught", num && judge(num, t) !== null);
  const span = mutate((c) => firstLeaf(c, (x) => typeof x === "string" && /^\$\{.+\}$/.test(x), (p, k) => { p[k] = p[k].slice(0, -2) + "}"; }));
  check("an expression's source one byte short (a wrong span) is caught", span && judge(span, t) !== null);
  const str = mutate((c) => firstLeaf(c, (x) => typeof x === "string" && x.length > 0 && !x.startsWith("${"), (p, k) => { p[k] = p[k] + " "; }));
  check("a string with one more space is caught", str && judge(str, t) !== null);
  const drop = mutate((c) => { const k = Object.keys(c)[0]; delete c[k]; return k !== undefined; });
  check("a missing attribute or block is caught", drop && judge(drop, t) !== null);
  const blocks = mutate((c) => firstLeaf(c, (x) => Array.isArray(x) && x.length > 0 && typeof x[0] === "object" && !Array.isArray(x[0]), (p, k) => { p[k] = p[k].concat([p[k][0]]); }));
  check("a repeated block too many is caught", blocks && judge(blocks, t) !== null);
  check("accepting what hcl2json rejects is caught", judge(o, { ok: false, msg: "x" }) !== null);
  check("rejecting what hcl2json accepts is caught", judge({ ok: false, msg: "x" }, t) !== null);
  return [pass, fail];
}

(async () => {
  const args = process.argv.slice(2);
  let pass = 0, fail = 0;
  if (args[0] === "--selftest") {
    [pass, fail] = await selftest(args[1], args[2]);
  } else {
    const tool = args[0];
    for (const file of args.slice(1)) {
      const o = ours(tool, file), t = await theirs(file);
      const d = judge(o, t);
      const name = path.basename(file);
      if (d === null) {
        pass++;
        console.log(`ok: ${name}: ${!o.ok ? "rejected by both: " + o.msg : unprintable(t) ? "parsed by both (hcl2json cannot print it: " + t.msg.slice(-80) + ")" : "same JSON"}`);
      } else {
        fail++;
        console.log(`FAIL: ${name}: ${d}`);
      }
    }
  }
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
})().catch((e) => { console.log(`FAIL: ${e.message}`); console.log("0 passed, 1 failed"); process.exit(1); });
