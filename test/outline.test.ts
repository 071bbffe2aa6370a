import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { check } from '../server/src/core/check';
import { documentSymbols } from '../server/src/lsp/navigation';

const within = (outer: Range, inner: Range) => {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
};

describe('outline', () => {
  it('selects inside each symbol, also for an id written as an alias of an anchor in another entry', () => {
    const text = [
      'manifestVersion: 1',
      'partners:',
      '  - id: &shared fabrikam',
      '    name: Fabrikam',
      '    type: direct-bill',
      '    country: DE',
      'customers:',
      '  - id: *shared',
      '    name: Shared',
      '    country: DE',
      '    subscriptions:',
      '      - id: *shared',
      '        offer: Microsoft 365 E3',
      '',
    ].join('\n');
    const symbols = documentSymbols(undefined as never, check(text), { textDocument: { uri: 'file:///a.yaml' } });
    let seen = 0;
    const walk = (list: DocumentSymbol[], parent?: Range) => {
      for (const s of list) {
        assert.ok(
          within(s.range, s.selectionRange),
          `${s.name}: selection ${JSON.stringify(s.selectionRange)} outside ${JSON.stringify(s.range)}`,
        );
        if (parent) assert.ok(within(parent, s.range), `${s.name} inside its parent`);
        seen++;
        walk(s.children ?? [], s.range);
      }
    };
    walk(symbols);
    assert.ok(seen >= 5, `${seen} symbols`);
    const customer = symbols.find((s) => s.name === 'customers')!.children![0];
    assert.deepEqual(customer.selectionRange, { start: customer.range.start, end: customer.range.start });
  });
});
