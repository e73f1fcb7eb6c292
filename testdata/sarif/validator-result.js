// validator-result.js LOG: read the SARIF log that `Sarif.Multitool validate
// -o LOG` wrote and judge it. The validator exits 0 even when it reports
// errors, so its own log is the only reliable verdict.
// Prints each error and warning, then "errors=N warnings=N notes=N".
// Exits 1 on any error (a result of level "error", a tool execution
// notification of level "error", or an unsuccessful run), 3 when there are
// warnings but no error, else 0.
'use strict';
const fs = require('fs');

// Warnings accepted on purpose, each with its reason:
// SARIF2005 asks for tool.driver.informationUri; backuplint has no public
// home page to name, and a made-up address would be worse than none (a build
// can give one with -DBACKUPLINT_URL=...).
const accepted = new Set(['SARIF2005']);

const log = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const count = { error: 0, warning: 0, note: 0, none: 0 };
let failed = false;
for (const run of log.runs || []) {
	const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
	for (const r of run.results || []) {
		// SARIF's default level is "warning" (3.27.10).
		let level = r.level || 'warning';
		if (accepted.has(r.ruleId) && level === 'warning')
			level = 'note';
		count[level] = (count[level] || 0) + 1;
		if (level !== 'error' && level !== 'warning')
			continue;
		let text = r.message && r.message.text;
		if (!text && r.message && r.message.id) {
			const rule = rules.find((x) => x.id === r.ruleId);
			const tpl = rule && rule.messageStrings &&
				rule.messageStrings[r.message.id];
			const args = r.message.arguments || [];
			text = tpl ? tpl.text.replace(/\{(\d+)\}/g, (_, i) => args[i]) :
				args.join(' ');
		}
		const region = r.locations && r.locations[0] &&
			r.locations[0].physicalLocation &&
			r.locations[0].physicalLocation.region;
		console.log(`  ${level} ${r.ruleId}` +
			(region ? ` (line ${region.startLine})` : '') + `: ${text}`);
	}
	for (const inv of run.invocations || []) {
		if (inv.executionSuccessful === false)
			failed = true;
		for (const n of [...(inv.toolExecutionNotifications || []),
				 ...(inv.toolConfigurationNotifications || [])]) {
			if ((n.level || 'warning') === 'error') {
				failed = true;
				console.log(`  validator failure: ${n.message && n.message.text}`);
			}
		}
	}
}
console.log(`errors=${count.error} warnings=${count.warning} notes=${count.note}`);
process.exit(count.error || failed ? 1 : count.warning ? 3 : 0);
