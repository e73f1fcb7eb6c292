// schema-check.js SCHEMA LOG...: validate SARIF logs against the SARIF 2.1.0
// JSON schema (draft 2020-12) with ajv, formats included. The SARIF
// validator deserializes before it checks, and lets some schema violations
// through (an unknown "level" value); this catches those.
// Prints one line per violation; exits 1 when any log is invalid.
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const [schemaPath, ...logs] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// The schema's own "$schema"/"id" keywords are not ajv's business.
delete schema.$schema;
delete schema.id;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const path of logs) {
	let log;
	try {
		log = JSON.parse(fs.readFileSync(path, 'utf8'));
	} catch (e) {
		console.log(`${path}: not JSON: ${e.message}`);
		bad++;
		continue;
	}
	if (validate(log))
		continue;
	bad++;
	for (const e of validate.errors.slice(0, 20))
		console.log(`${path}: schema: ${e.instancePath || '/'} ${e.message}` +
			(e.params && e.params.allowedValues ?
				` (${e.params.allowedValues.join(', ')})` : ''));
}
process.exit(bad ? 1 : 0);
