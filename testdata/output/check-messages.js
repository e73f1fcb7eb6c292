// check-messages.js - every message, hint and note backuplint prints in the
// golden cases (which fire every rule of the table: check-fixtures.sh) is
// read for the mistakes a tired reader trips on:
//   - a placeholder left in ("goes to ?", "(null)", "undefined")
//   - a word written twice ("the the")
//   - a wrong article ("a integer", "an rule"; acronyms by their sound)
//   - a raw byte where a character could be shown ("unexpected 0xc3")
//   - a hint that asks for what the file already does: "did you mean X?"
//     when X is what is written, "write X without quotes" when X has none,
//     "quote the value" when it is quoted
// Usage: node check-messages.js FILE.out...   Prints "N passed, N failed".
//        node check-messages.js --templates FILE.c...
// The second form reads the message templates themselves: every string
// handed to report*(), rep(), diag_hint() and diag_fix*() in the C sources
// (adjacent literals joined), its conversions replaced by representative
// values (%s by a neutral token, numbers by 7), through the same checks.
'use strict';
const fs = require('fs');

let pass = 0, fail = 0;
const seen = new Set();

function bad(where, what, text) {
	fail++;
	console.log(`FAIL: ${where}: ${what}: ${text}`);
}

// Text outside quoted values, cron expressions and code: what is prose.
function prose(s) {
	return s.replace(/cron\([^)]*\)/g, 'CRON')
		.replace(/"(?:[^"\\]|\\.)*"/g, 'Q')
		.replace(/'[^']*'/g, 'Q')
		.replace(/`[^`]*`/g, 'Q');
}

// Acronyms read letter by letter start with a vowel sound when their first
// letter is one of these (an ARN, an S3 bucket, an RDS instance, an EFS).
const VOWEL_LETTERS = 'AEFHILMNORSX';
// Words that start with a vowel letter but a consonant sound, and back.
const CONSONANT_SOUND = /^(us|use[drs]?|using|usual|uni|unique|unit|universal|one|once|eu-)/i;
// Capitals read as a word, not letter by letter.
const WORD_CAPS = /^(NUL|NULL)\b/;
const VOWEL_SOUND = /^(hour|honest|heir)/i;

function articles(where, s) {
	const p = prose(s);
	// "a is null": a name that starts a message, not an article
	const re = /\b(a|an) ([A-Za-z0-9][\w+-]*)/g;
	let m;
	while ((m = re.exec(p)) !== null) {
		const art = m[1], word = m[2];
		let vowel;
		if (/^(is|has|must|should|was)$/.test(word))
			continue;
		if (WORD_CAPS.test(word))
			vowel = false;
		else if (/^[A-Z0-9]{2,}/.test(word) && word === word.toUpperCase())
			vowel = VOWEL_LETTERS.includes(word[0]) || /^8|^11|^18/.test(word);
		else if (/^[0-9]/.test(word))
			vowel = /^(8|11|18)/.test(word);
		else
			vowel = (/^[aeiou]/i.test(word) && !CONSONANT_SOUND.test(word)) ||
				VOWEL_SOUND.test(word);
		if (art === 'a' && vowel)
			bad(where, `"a ${word}" should be "an ${word}"`, s);
		if (art === 'an' && !vowel)
			bad(where, `"an ${word}" should be "a ${word}"`, s);
	}
}

function placeholders(where, s) {
	const p = prose(s);
	if (/\(null\)/.test(s))
		bad(where, 'a placeholder', s);
	// a lone "?" standing for a value; "did you mean X?" ends a question
	if (/(^|\s)\?(\s|[,.;:)]|$)/.test(p))
		bad(where, 'a "?" standing for a value', s);
	if (/\bunexpected 0x[0-9a-f]{2}\b/i.test(s))
		bad(where, 'a raw byte where a character can be shown', s);
	// an empty name quoted: say that it is empty
	if (/(^|\s)''(\s|[,.;:)]|$)/.test(s))
		bad(where, "an empty name quoted as ''", s);
	// the spec dataset's statements are the guide's word, said as such
	// ("the AWS Backup cross-Region copy guide says ..."), not a bare fact
	// with the guide in a parenthesis
	if (/facts: spec, AWS Backup cross-Region copy guide\)/.test(s))
		bad(where, "the guide's statement said as a fact (say 'the ... guide says/lists')", s);
	// a destination the message could name
	if (/\bcopies (them )?elsewhere\b/.test(p))
		bad(where, 'a destination not named ("elsewhere")', s);
	// a hedge over several types: any one of them is meant
	if (/\bif (it|plan '[^']*'|its selections) (protects|include) [^,;()]* and /.test(p))
		bad(where, '"and" in a hedge over several types ("or" is meant)', s);
}

function doubled(where, s) {
	// not across a hyphen: "Day-of-month Month" names two fields
	const m = /(?<![\w-])([A-Za-z]{2,})\s+\1(?![\w-])/i.exec(prose(s));
	if (m)
		bad(where, `"${m[1]}" twice`, s);
}

// The source text under a diagnostic's span, when it is on one line.
function spanText(d) {
	if (d.line !== d.end_line || !d.line)
		return null;
	let src;
	try {
		src = fs.readFileSync(d.file, 'utf8');
	} catch (e) {
		return null;
	}
	const line = src.split(/\r\n|\r|\n/)[d.line - 1];
	if (line === undefined)
		return null;
	const cps = Array.from(line);
	return cps.slice(d.column - 1, d.end_column - 1).join('');
}

function hintSense(where, d) {
	if (!d.hint)
		return;
	const text = spanText(d);
	if (text === null)
		return;
	const bare = text.replace(/^["']|["']$/g, '');
	const quoted = /^["']/.test(text);
	let m = /did you mean (\S+?)\?/.exec(d.hint);
	if (m && m[1] === bare && bare.length)
		bad(where, `hint suggests what is written (${bare})`, d.hint);
	m = /write (\S+) without quotes/.exec(d.hint);
	if (m && !quoted)
		bad(where, 'hint asks to drop quotes the value has not', d.hint);
	if (/^quote the value/.test(d.hint) && quoted)
		bad(where, 'hint asks to quote a quoted value', d.hint);
}

// The string literals of the calls to `fns` in C source `src`, each call's
// adjacent literals joined: [{line, text}].
function templates(src) {
	const out = [];
	const call = /\b(report\w*|rep|diag_hint|diag_fix\w*|diag_related\w*)\s*\(/g;
	let m;
	while ((m = call.exec(src)) !== null) {
		let i = call.lastIndex, depth = 1, cur = null;
		const line = src.slice(0, m.index).split('\n').length;
		const found = [];
		while (i < src.length && depth > 0) {
			const c = src[i];
			if (c === '"') {
				let j = i + 1, lit = '';
				while (j < src.length && src[j] !== '"') {
					if (src[j] === '\\') {
						const e = src[j + 1];
						lit += e === 'n' ? '\n' : e === 't' ? '\t' : e;
						j += 2;
					} else {
						lit += src[j++];
					}
				}
				cur = (cur === null ? '' : cur) + lit;
				i = j + 1;
				continue;
			}
			if (c === '/' && src[i + 1] === '*') {
				i = src.indexOf('*/', i + 2) + 2;
				continue;
			}
			if (c === "'") {
				i = src.indexOf("'", i + (src[i + 1] === '\\' ? 3 : 2)) + 1;
				continue;
			}
			if (/\s/.test(c)) {
				i++;
				continue;
			}
			if (cur !== null) {
				found.push(cur);
				cur = null;
			}
			if (c === '(')
				depth++;
			else if (c === ')')
				depth--;
			i++;
		}
		if (cur !== null)
			found.push(cur);
		for (const t of found)
			if (/ /.test(t))
				out.push({ line, text: t });
	}
	return out;
}

const args = process.argv.slice(2);
if (args[0] === '--templates') {
	for (const f of args.slice(1)) {
		for (const t of templates(fs.readFileSync(f, 'utf8'))) {
			const s = t.text
				.replace(/%%/g, '%')
				.replace(/%[-+ #0]*(\d+|\*)?(\.(\d+|\*))?(ll|l|z|h|hh)?[sc]/g, '\u27e8v\u27e9')
				.replace(/%[-+ #0]*(\d+|\*)?(\.(\d+|\*))?(ll|l|z|h|hh)?[diuxXfg]/g, '7');
			const where = `${f}:${t.line}`;
			const before = fail;
			placeholders(where, s);
			doubled(where, s);
			articles(where, s);
			if (fail === before)
				pass++;
		}
	}
	console.log(`${pass} passed, ${fail} failed`);
	process.exit(fail ? 1 : 0);
}

for (const f of args) {
	const text = fs.readFileSync(f, 'utf8');
	if (!text.startsWith('{"diagnostics"'))
		continue; // gnu, text, github, sarif cases: their messages repeat
	const json = text.split('\nstderr: ')[0].split('\nexit: ')[0];
	let out;
	try {
		out = JSON.parse(json);
	} catch (e) {
		bad(f, 'not JSON', String(e));
		continue;
	}
	for (const d of out.diagnostics) {
		const where = `${d.file}:${d.line}:${d.column} [${d.rule}]`;
		for (const s of [d.message, d.hint, d.related && d.related.message]) {
			if (!s || seen.has(s + '\0' + where))
				continue;
			seen.add(s + '\0' + where);
			const before = fail;
			placeholders(where, s);
			doubled(where, s);
			articles(where, s);
			if (fail === before)
				pass++;
		}
		const before = fail;
		hintSense(where, d);
		// a hedged finding says its condition once, not again in the hint
		if (/^if /.test(d.message || '') && /^if /.test(d.hint || ''))
			bad(where, 'the hedge said again in the hint', d.hint);
		if (fail === before)
			pass++;
	}
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
