/**
 * A notice split along its numbering: 一、 (level 1) （一） (2) 1. / 1、 (3) （1） (4). Each section
 * keeps its own text (children apart) and its number as the built-in definitions cite it: 三(一)1.
 */
import { MARKER } from "./normalise";

export interface NoticeSection {
  /** "三(一)1"; "" for the text before the first marker (title, addressee, preamble). */
  id: string;
  level: 0 | 1 | 2 | 3 | 4;
  /** The section's own text, its marker removed. */
  text: string;
  /** Ids of the enclosing sections, outermost first. */
  parents: string[];
}

export interface NoticeSentence {
  section: string;
  text: string;
  /** Index of the sentence within its section (0 = the lead). */
  index: number;
}

const LEVELS: { re: RegExp; level: 1 | 2 | 3 | 4; label: (m: string) => string }[] = [
  { re: /^([一二三四五六七八九十]{1,3})[、.．]/u, level: 1, label: (m) => `${m}、` },
  { re: /^\(([一二三四五六七八九十]{1,3})\)/u, level: 2, label: (m) => `(${m})` },
  { re: /^(\d{1,2})[.．、](?!\d)/u, level: 3, label: (m) => m },
  { re: /^\((\d{1,2})\)/u, level: 4, label: (m) => `(${m})` },
  // ①…⑳ stand where （1）… would.
  { re: /^([\u2460-\u2473])/u, level: 4, label: (m) => `(${m.charCodeAt(0) - 0x2460 + 1})` },
];

/** Section id from the labels of its levels: 三、 + (一) + 1 → "三(一)1". */
function idOf(labels: (string | undefined)[]): string {
  const parts = labels.filter((l): l is string => l !== undefined);
  return parts.map((p, i) => (i === 0 && parts.length > 1 ? p.replace(/、$/u, "") : p)).join("");
}

export function splitSections(normalised: string): NoticeSection[] {
  // Notices pasted as one line keep their markers after a sentence end or a heading word.
  const paragraphs = normalised
    .replace(/([。；;：:])\s*(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}、|\(\d{1,2}\)|[\u2460-\u2473])\p{Script=Han})/gu, "$1\n")
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const out: NoticeSection[] = [];
  const labels: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  let cur: NoticeSection = { id: "", level: 0, text: "", parents: [] };
  out.push(cur);
  for (const p of paragraphs) {
    const found = MARKER.test(p) ? LEVELS.find((l) => l.re.test(p)) : undefined;
    if (!found) {
      cur.text += cur.text === "" ? p : "\n" + p;
      continue;
    }
    const m = found.re.exec(p)!;
    // A level-3 number under no level 1 or 2 after an attachment list ("附件：1.…") stays a child of it.
    labels[found.level] = found.label(m[1]!);
    for (let l = found.level + 1; l <= 4; l++) labels[l] = undefined;
    const parents: string[] = [];
    for (let l = 1; l < found.level; l++) if (labels[l] !== undefined) parents.push(idOf(labels.slice(1, l + 1)));
    cur = { id: idOf(labels.slice(1, found.level + 1)), level: found.level, text: p.slice(m[0].length).trim(), parents };
    out.push(cur);
  }
  return out.filter((s) => s.text !== "" || s.level > 0);
}

/** Sentences of a section: split after 。！？ and before a line break; brackets are not split. */
export function sentencesOf(section: NoticeSection): NoticeSentence[] {
  const out: NoticeSentence[] = [];
  let depth = 0;
  let cur = "";
  const push = () => {
    const t = cur.trim();
    if (t !== "") out.push({ section: section.id, text: t, index: out.length });
    cur = "";
  };
  for (const ch of section.text) {
    if (ch === "\n") {
      push();
      continue;
    }
    cur += ch;
    if (ch === "(" || ch === "《" || ch === "“") depth++;
    else if ((ch === ")" || ch === "》" || ch === "”") && depth > 0) depth--;
    else if (depth === 0 && /[。！？]/u.test(ch)) push();
  }
  push();
  return out;
}

/** The heading of a section: its text up to the first 。 or ：, when short. */
export function headingOf(section: NoticeSection): string {
  const first = section.text.split(/[。：:\n]/u)[0] ?? "";
  return first.length <= 30 ? first : "";
}
