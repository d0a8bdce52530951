/**
 * A GB18030 encoder for scripts and tests. Node decodes GB18030 (full ICU) but cannot encode it,
 * so the reverse table is built once by decoding every 2-byte GBK sequence and every 4-byte BMP
 * sequence; code points above U+FFFF use GB18030's linear 4-byte formula.
 */
let table: Map<number, number[]> | null = null;

function buildTable(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const tryAdd = (bytes: number[]) => {
    let s: string;
    try {
      s = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    if (s.length !== 1) return;
    const cp = s.codePointAt(0)!;
    if (cp === 0xfffd || map.has(cp)) return;
    map.set(cp, bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) tryAdd([b1, b2]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) tryAdd([b1, b2, b3, b4]);
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    if (cp > 0xffff) {
      let linear = cp - 0x10000;
      const b4 = 0x30 + (linear % 10);
      linear = Math.floor(linear / 10);
      const b3 = 0x81 + (linear % 126);
      linear = Math.floor(linear / 126);
      const b2 = 0x30 + (linear % 10);
      const b1 = 0x90 + Math.floor(linear / 10);
      out.push(b1, b2, b3, b4);
      continue;
    }
    const bytes = table.get(cp);
    if (!bytes) throw new Error(`GB18030 cannot encode U+${cp.toString(16).toUpperCase()}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
