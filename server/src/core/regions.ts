import table from '../../../schemas/csp-regions.json';

export interface Market {
  iso2: string;
  name: string;
  region: string;
  currency?: string;
  source: string;
  provenance: string;
  note?: string;
}

const markets = new Map<string, Market>(table.markets.map((m) => [m.iso2, m as Market]));
const aliases: Record<string, string> = table.aliases;
/** Why a country is not a CSP market; each reason has its message (`unknown-country.<reason>`). */
export type NotMarketReason = '21vianet' | 'no-market';
const notMarkets = table.notMarkets as Record<string, NotMarketReason>;

export const regionIds: readonly string[] = [...new Set(table.markets.map((m) => m.region))].sort();

export function market(iso2: string): Market | undefined {
  return markets.get(iso2);
}

export function regionOf(iso2: string | undefined): string | undefined {
  return iso2 === undefined ? undefined : markets.get(iso2)?.region;
}

export function allMarkets(): Iterable<Market> {
  return markets.values();
}

/** Why a code is not a market, when we know: an alias for another code, or a country outside CSP. */
export function whyNotMarket(code: string): { alias?: string; reason?: NotMarketReason } {
  return { alias: aliases[code], reason: notMarkets[code] };
}

/**
 * The code the user probably meant: a known alias (UK → GB), the same code in capitals, or its letters
 * swapped (ED → DE). Any two letters are one edit away from dozens of markets, so nothing looser is
 * offered: a wrong guess would silently move the entity to another region.
 */
export function suggestCountries(code: string): string[] {
  const upper = code.toUpperCase();
  const swapped = upper.length === 2 ? upper[1] + upper[0] : '';
  if (aliases[upper]) return [aliases[upper]];
  if (markets.has(upper)) return upper === code ? [] : [upper];
  if (markets.has(swapped) && !notMarkets[upper]) return [swapped];
  return [];
}
