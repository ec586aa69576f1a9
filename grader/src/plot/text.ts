/**
 * Cleaning untrusted text (a learner's error message, say) before it goes into a figure or a page:
 * ANSI escape sequences, control characters, bidirectional overrides and lone surrogates are removed,
 * and the text is cut to a length. HTML escaping is separate (report/html.ts); Vega escapes the text of
 * SVG marks itself, but an SVG file with a control character in it is not well-formed XML.
 */

const ANSI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Untrusted text made safe to show: no escapes or control characters; tabs become spaces; newlines kept. */
export function cleanText(text: string, maxLength = 4000): string {
  const cleaned = text
    .replace(ANSI, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "  ")
    .replace(CONTROL, "")
    .replace(BIDI, "")
    .replace(LONE_SURROGATE, "\ufffd");
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/** {@link cleanText} on one line: runs of whitespace, newlines included, become one space. */
export function cleanLine(text: string, maxLength = 200): string {
  const line = cleanText(text, maxLength * 4)
    .replace(/\s+/g, " ")
    .trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
