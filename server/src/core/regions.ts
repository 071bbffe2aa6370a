import table from '../../../schemas/csp-regions.json';
import { nearest } from './similar';

export interface Market { iso2: string; name: string; region: string; currency?: string; source: string; provenance: string; note?: string }

const markets = new Map<string, Market>(table.markets.map((m) => [m.iso2, m as Market]));
const aliases: Record<string, string> = table.aliases;
const notMarkets: Record<string, string> = table.notMarkets;

export const regionIds: readonly string[] = [...new Set(table.markets.map((m) => m.region))].sort();

export function market(iso2: string): Market | undefined { return markets.get(iso2); }

export function regionOf(iso2: string | undefined): string | undefined {
  return iso2 === undefined ? undefined : markets.get(iso2)?.region;
}

export function allMarkets(): Iterable<Market> { return markets.values(); }

/** Why a code is not a market, when we know: an alias for another code, or a country outside CSP. */
export function whyNotMarket(code: string): { alias?: string; reason?: string } {
  return { alias: aliases[code], reason: notMarkets[code] };
}

/** Codes the user probably meant: a known alias first, then near spellings (also lower-case input). */
export function suggestCountries(code: string): string[] {
  const upper = code.toUpperCase();
  const out: string[] = [];
  if (aliases[upper]) out.push(aliases[upper]);
  if (upper !== code && markets.has(upper)) out.push(upper);
  if (out.length === 0 && !notMarkets[upper]) out.push(...nearest(upper, markets.keys(), 3));
  return [...new Set(out)];
}
