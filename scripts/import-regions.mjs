// Re-imports the CSP region table from a reference CSV into schemas/csp-regions.json.
// Usage: node scripts/import-regions.mjs <csv>, a CSV with the columns iso2, country_name, csp_region, currency_if_known,
// source_url, provenance, note.
import { readFileSync, writeFileSync } from 'node:fs';

function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const source = process.argv[2];
if (!source) {
  console.error('Usage: node scripts/import-regions.mjs <csv>');
  process.exit(2);
}
const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
const col = (name) => header.indexOf(name);
const markets = rows
  .filter((r) => r.length > 1)
  .map((r) => ({
    iso2: r[col('iso2')],
    name: r[col('country_name')],
    region: r[col('csp_region')],
    currency: r[col('currency_if_known')] || undefined,
    source: r[col('source_url')],
    provenance: r[col('provenance')],
    note: r[col('note')] || undefined,
  }));
const out = {
  $comment:
    'CSP markets and their regions as Microsoft published them in the regional authorization overview (text of 2021-04/05). ' +
    'Imported from csp-regions.csv by scripts/import-regions.mjs; every row keeps its source and provenance. ' +
    'Status after 2021 (Russia, Belarus) is not verified.',
  markets,
  // Codes people write that are not ISO 3166-1 alpha-2 codes of a market, with the code they mean.
  aliases: { UK: 'GB', EL: 'GR' },
  // ISO codes that are in no CSP market, with the reason (a message catalogue key suffix).
  notMarkets: { CN: '21vianet', CU: 'no-market', EH: 'no-market', IR: 'no-market', KP: 'no-market', SD: 'no-market', SY: 'no-market' },
};
writeFileSync(new URL('../schemas/csp-regions.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`${markets.length} markets in ${new Set(markets.map((m) => m.region)).size} regions`);
