// hcl2json.js - the peer of the Terraform rows of make bench: HashiCorp's
// HCL parser (@cdktf/hcl2json, hclsyntax compiled to WebAssembly) parsing
// every .tf file under the folders given, one after the other, in one Node
// process (like backuplint, which takes the same folders).
//   NODE_PATH=build/npm/node_modules node bench/hcl2json.js DIR...
// Exits 1 when a file does not parse: the inputs are valid Terraform.
"use strict";
const { parse } = require("@cdktf/hcl2json");
const fs = require("fs");
const path = require("path");

function files(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (e.name.endsWith(".tf")) out.push(p);
  }
  return out;
}

(async () => {
  let n = 0;
  for (const d of process.argv.slice(2)) {
    for (const f of files(d, [])) {
      await parse(path.basename(f), fs.readFileSync(f, "utf8"));
      n++;
    }
  }
  if (!n) {
    console.error("hcl2json.js: no .tf file");
    process.exit(1);
  }
})().catch((e) => {
  console.error(`hcl2json.js: ${e.message || e}`);
  process.exit(1);
});
