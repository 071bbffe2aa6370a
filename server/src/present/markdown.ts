/** Markdown for people to read: the scenario report and the language server's hovers write text from the manifest with it. */

/**
 * Text from the manifest (ids, names, messages quoting them) made literal in Markdown: the characters
 * that start inline constructs are backslash-escaped (emphasis, code, links, HTML, entities, tables,
 * strikethrough, math), a line break becomes a space, a dot inside a word and the colon of `://` are
 * escaped so that a tenant domain or a URL does not turn into a web link, and, with `lineStart`, what would open a block at the start of a
 * line (list, heading, quote, setext underline) is escaped too.
 */
export function escapeMarkdown(text: string, options: { lineStart?: boolean } = {}): string {
  let escaped = text
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ')
    .replace(/[\\`*_[\]<>&|~$@]/g, '\\$&')
    .replace(/(?<=\w)\.(?=\w)|:(?=\/\/)/g, '\\$&');
  if (options.lineStart)
    escaped = escaped.replace(/^(\s*)([-+=#>]|\d+(?=[.)]))/, (_, space: string, lead: string) =>
      /\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
    );
  return escaped;
}
