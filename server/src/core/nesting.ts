import type { CST } from 'yaml';

/**
 * How deep a text nests, found before the `yaml` package builds its tree. Building the tree recurses once
 * per level and runs out of stack somewhere past a thousand levels, at a depth that depends on how deep
 * the caller's stack already is: the same text would read differently from one call to the next. The
 * package's first stage (`Parser`, text to tokens) keeps its own stack and does not recurse, so the depth
 * is measured on its tokens, without recursion either; a text nested deeper than `MAX_NESTING` is not
 * built into a tree at all, and says so in one finding.
 */

/** A manifest needs about six levels; past this many, a text is nested too deeply to read. */
export const MAX_NESTING = 400;

/**
 * The offset of the first collection in `tokens` that lies deeper than `limit` levels, or -1. A level is
 * a collection as the tree will hold it: a block or flow mapping or list, and the one-pair mapping that
 * `[a: b]` makes inside a flow list. `depth` is the level the tokens start at (a list entry parsed on
 * its own sits in the root mapping: 1).
 */
export function tooDeepIn(tokens: Iterable<CST.Token>, limit = MAX_NESTING, depth = 0): number {
  const pending: { token: CST.Token | null | undefined; depth: number }[] = [];
  for (const token of tokens) pending.push({ token, depth });
  while (pending.length) {
    const { token, depth: at } = pending.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        pending.push({ token: token.value, depth: at });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (at + 1 > limit) return token.offset;
        // `[a: b]`: a pair in a flow list is a mapping of its own.
        const pairInList = (item: CST.CollectionItem) =>
          token.type === 'flow-collection' && token.start.source === '[' && !!item.sep?.some((t) => t.type === 'map-value-ind');
        for (const item of token.items as CST.CollectionItem[]) {
          const inner = at + 1 + (pairInList(item) ? 1 : 0);
          if (inner > limit) return item.key?.offset ?? item.value?.offset ?? token.offset;
          pending.push({ token: item.key, depth: inner }, { token: item.value, depth: inner });
        }
        break;
      }
      default:
        break;
    }
  }
  return -1;
}
