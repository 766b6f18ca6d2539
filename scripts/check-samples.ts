// checks samples/articles.jsonl (the authors' own annotated corpus) and samples/text/*.txt.
// usage: node --import tsx scripts/check-samples.ts [path/to/articles.jsonl]
// exits 1 and lists every problem when a check fails.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PLOVER_TYPES } from "../src/core/types.js";
import { isIsoDate } from "../src/core/util.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const file = process.argv[2] ?? `${ROOT}samples/articles.jsonl`;
const TYPES = new Set<string>(PLOVER_TYPES);
const ACTOR = /^([A-Z]{3}|---)[A-Z0-9]*$/;
const MODES = new Set(["", "intend"]);
const MODAL_MODES = new Set([
	"negated",
	"hypothetical",
	"intend",
	"historical",
]);

const problems: string[] = [];
const ids = new Set<string>();
const counts = new Map<string, number>();
let nEvents = 0;
let nModal = 0;

function isObj(x: unknown): x is Record<string, unknown> {
	return typeof x === "object" && x !== null && !Array.isArray(x);
}

const lines = readFileSync(file, "utf8").split("\n");
lines.forEach((line, i) => {
	if (line.trim() === "") return;
	const at = `line ${i + 1}`;
	let d: unknown;
	try {
		d = JSON.parse(line);
	} catch (e) {
		problems.push(`${at}: not JSON (${(e as Error).message})`);
		return;
	}
	if (!isObj(d)) {
		problems.push(`${at}: not an object`);
		return;
	}
	const id = d.id;
	if (typeof id !== "string" || !/^s-\d{3}$/.test(id))
		problems.push(`${at}: bad id ${String(id)}`);
	else if (ids.has(id)) problems.push(`${at}: duplicate id ${id}`);
	else ids.add(id);
	const where = `${at} (${String(id)})`;
	if (
		typeof d.date !== "string" ||
		!isIsoDate(d.date) ||
		d.date < "2022-01-01" ||
		d.date > "2025-12-31"
	)
		problems.push(`${where}: bad date ${String(d.date)}`);
	const text = d.text;
	if (typeof text !== "string" || text.length === 0) {
		problems.push(`${where}: no text`);
		return;
	}
	const words = text.split(/\s+/).filter(Boolean).length;
	if (words < 100 || words > 400) problems.push(`${where}: ${words} words`);
	if (
		d.lang !== "en" ||
		typeof d.title !== "string" ||
		typeof d.source !== "string" ||
		d.url !== null
	)
		problems.push(`${where}: bad title/source/url/lang`);
	if (!Array.isArray(d.events)) {
		problems.push(`${where}: events is not a list`);
		return;
	}
	for (const [k, e] of d.events.entries()) {
		const ew = `${where} event ${k}`;
		if (!isObj(e)) {
			problems.push(`${ew}: not an object`);
			continue;
		}
		nEvents++;
		const type = String(e.plover);
		if (!TYPES.has(type)) problems.push(`${ew}: bad type ${type}`);
		counts.set(type, (counts.get(type) ?? 0) + 1);
		for (const side of ["source", "target"] as const) {
			const c = e[side];
			if (c !== null && (typeof c !== "string" || !ACTOR.test(c)))
				problems.push(`${ew}: bad ${side} ${String(c)}`);
		}
		if (e.source === null) problems.push(`${ew}: no source`);
		if (!MODES.has(String(e.mode)))
			problems.push(`${ew}: bad mode ${String(e.mode)}`);
		if (e.mode === "intend" && type !== "AGREE")
			problems.push(`${ew}: intend on ${type}`);
		if (e.date !== null && (typeof e.date !== "string" || !isIsoDate(e.date)))
			problems.push(`${ew}: bad date ${String(e.date)}`);
		if (
			typeof e.date === "string" &&
			typeof d.date === "string" &&
			e.mode === "" &&
			e.date > d.date
		)
			problems.push(`${ew}: occurred event dated after the article`);
		if (
			e.cameo !== null &&
			(typeof e.cameo !== "string" || !/^\d{2,4}$/.test(e.cameo))
		)
			problems.push(`${ew}: bad cameo ${String(e.cameo)}`);
		if (typeof e.evidence !== "string" || !text.includes(e.evidence))
			problems.push(`${ew}: evidence not in text`);
	}
	const meta = isObj(d.meta) ? d.meta : {};
	const modal = Array.isArray(meta.modal) ? meta.modal : [];
	for (const m of modal) {
		nModal++;
		if (
			!isObj(m) ||
			!TYPES.has(String(m.plover)) ||
			!MODAL_MODES.has(String(m.mode)) ||
			typeof m.why !== "string"
		)
			problems.push(`${where}: bad meta.modal entry`);
		else if (typeof m.evidence !== "string" || !text.includes(m.evidence))
			problems.push(`${where}: modal evidence not in text`);
	}
	const bg = Array.isArray(meta.background) ? meta.background : [];
	for (const b of bg) {
		if (
			!isObj(b) ||
			typeof b.evidence !== "string" ||
			!text.includes(b.evidence)
		)
			problems.push(`${where}: background evidence not in text`);
	}
	for (const key of ["same_event_as", "same_dyad_same_month_as"] as const) {
		const other = meta[key];
		if (
			other !== undefined &&
			(typeof other !== "string" || !/^s-\d{3}$/.test(other))
		)
			problems.push(`${where}: bad ${key}`);
	}
});

// the plain-text copies: first token `date YYYY-MM-DD`, then exactly the text of the JSONL article.
const byId = new Map<string, { date: string; text: string }>();
for (const line of lines) {
	if (line.trim() === "") continue;
	try {
		const d = JSON.parse(line) as { id: string; date: string; text: string };
		byId.set(d.id, d);
	} catch {
		// reported above
	}
}
const textDir = `${ROOT}samples/text/`;
let nText = 0;
try {
	for (const f of readdirSync(textDir)) {
		if (!f.endsWith(".txt")) continue;
		nText++;
		const body = readFileSync(textDir + f, "utf8");
		const m = /^date (\d{4}-\d{2}-\d{2})\n\n/.exec(body);
		const d = byId.get(f.slice(0, -4));
		if (!m)
			problems.push(
				`text/${f}: does not start with 'date YYYY-MM-DD' and a blank line`,
			);
		else if (!d) problems.push(`text/${f}: no article with that id`);
		else if (m[1] !== d.date || body.slice(m[0].length).trimEnd() !== d.text)
			problems.push(`text/${f}: differs from the JSONL article`);
	}
} catch {
	problems.push("samples/text/ is missing");
}

for (const [k, v] of [...counts].sort())
	process.stdout.write(`${k.padEnd(10)} ${v}\n`);
const missing = PLOVER_TYPES.filter((t) => !counts.has(t));
if (missing.length > 0)
	problems.push(`types with no event: ${missing.join(" ")}`);
process.stdout.write(
	`${ids.size} articles, ${nEvents} events, ${nModal} modal statements, ${nText} text files\n`,
);
if (problems.length > 0) {
	process.stderr.write(`${problems.join("\n")}\n`);
	process.exit(1);
}
