// Text a user typed or linked (a URL value, a file name, an attribute) as it appears inside our sentences: in
// “curly quotes”, so where it starts and ends shows (a trailing space included), with control and bidirectional
// formatting characters removed (a right-to-left override would reverse the rest of the sentence), and cut short
// when long. Views wrap each quoted part in <bdi> (components/Sentence.tsx).

/** C0 and C1 controls, and the bidirectional marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `raw` with hidden characters removed and our quotes made plain, at most `max` characters then "…". */
export function cleaned(raw: string, max = 40): string {
  const clean = raw.replace(HIDDEN, "").replace(/[“”]/g, '"');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : clean;
}

/** `raw` in “quotes”, cleaned: where it starts and ends shows. */
export function quoted(raw: string, max = 40): string {
  return `“${cleaned(raw, max)}”`;
}

/** A sentence cut into plain parts and the quoted parts (with their quotes), in order: what views isolate. */
export function quotedParts(sentence: string): { text: string; quoted: boolean }[] {
  return sentence
    .split(/(“[^“”]*”)/)
    .filter((text) => text !== "")
    .map((text) => ({ text, quoted: text.startsWith("“") }));
}
