/**
 * Deterministic generator of large, realistic `csp-partners.yaml` manifests for the benchmark.
 *
 * A few hundred partners (indirect providers per region, resellers linked to providers of their
 * region, direct-bill partners), customers spread over the CSP markets of `schemas/csp-regions.json`,
 * 1–4 subscriptions each. Mostly valid, with a small seeded share of rule violations, so the
 * number of findings is part of what the benchmark compares from run to run.
 */
import table from '../../schemas/csp-regions.json';

/** Bump when the output changes, so cached files under `.bench/` are regenerated. */
export const GENERATOR_VERSION = 2;

/** Share of subscriptions that break a rule on purpose (at most one violation per subscription). */
const SUBSCRIPTION_VIOLATIONS = {
  crossRegionSale: 0.01, // soldBy a direct-bill partner of another region
  missingProvider: 0.005, // soldBy a reseller, no provider (when the path has one)
  unknownReference: 0.002, // soldBy with a typo
  orderedBeforeMpa: 0.002, // orderedOn after the MPA cutoff (2020-02-01) but before the seller's MPA
  badDate: 0.0005, // orderedOn that is not a date (schema)
};
type SubscriptionViolation = keyof typeof SUBSCRIPTION_VIOLATIONS;
/** Share of customers that break a rule on purpose. */
const CUSTOMER_VIOLATIONS = {
  unknownCountry: 0.001, // country "UK"
  regionMismatch: 0.001, // a region that is not the country's
};

/** Relative number of customers per region; it also sizes each region's partner channel. Russia is left out. */
const REGION_WEIGHTS: Record<string, number> = {
  'europe': 30,
  'united-states': 20,
  'asia-pacific': 8,
  'latin-america-caribbean': 8,
  'middle-east-central-eastern-europe': 8,
  'canada': 5,
  'australia': 5,
  'japan': 4,
  'brazil': 3,
  'india': 3,
  'africa': 3,
  'korea': 1,
  'new-zealand': 1,
  'taiwan': 1,
};
/** Where most of a region's partners and customers are; the rest spread over all its markets. */
const MAIN_MARKETS: Record<string, string[]> = {
  'europe': ['DE', 'GB', 'FR', 'NL', 'IT', 'ES', 'SE', 'PL'],
  'united-states': ['US'],
  'canada': ['CA'],
  'australia': ['AU'],
  'asia-pacific': ['SG', 'MY', 'TH', 'PH', 'ID', 'VN', 'HK'],
  'latin-america-caribbean': ['MX', 'CO', 'CL', 'AR', 'PE'],
  'middle-east-central-eastern-europe': ['AE', 'SA', 'TR', 'ZA', 'IL', 'EG'],
  'africa': ['NG', 'KE', 'GH', 'MU'],
  'new-zealand': ['NZ'],
};
/** Markets whose status is unverified (`market-status-unverified`); a realistic manifest today has none. */
const EXCLUDED_MARKETS = new Set(['RU', 'BY']);

const OFFERS: { offer: string; kind?: 'azure' | 'software'; publisher?: 'third-party' }[] = [
  { offer: 'Microsoft 365 E3' },
  { offer: 'Microsoft 365 E5' },
  { offer: 'Microsoft 365 Business Premium' },
  { offer: 'Microsoft 365 Business Standard' },
  { offer: 'Office 365 E1' },
  { offer: 'Exchange Online (Plan 1)' },
  { offer: 'Dynamics 365 Sales Enterprise' },
  { offer: 'Dynamics 365 Business Central Essentials' },
  { offer: 'Power BI Pro' },
  { offer: 'Microsoft Teams Rooms Pro' },
  { offer: 'Windows 365 Business' },
  { offer: 'Azure plan', kind: 'azure' },
  { offer: 'Azure reservation', kind: 'azure' },
  { offer: 'Acme Cloud Backup', kind: 'software', publisher: 'third-party' },
  { offer: 'Tailwind Endpoint Security', kind: 'software', publisher: 'third-party' },
];

const NAME_FIRST = [
  'Woodgrove',
  'Litware',
  'Fourth Coffee',
  'Proseware',
  'Wingtip',
  'Tailspin',
  'Lucerne',
  'Margie',
  'Coho',
  'Alpine',
  'Blue Yonder',
  'Wide World',
  'Trey',
  'Humongous',
  'Lamna',
  'Relecloud',
  'Southridge',
  'VanArsdel',
  'Bellows',
  'Graphic Design',
  'Consolidated',
  'Datum',
  'Munson',
  'Nod',
  'Fincher',
  'Adventure Works',
];
const NAME_SECOND = [
  'Bank',
  'Insurance',
  'Logistics',
  'Foods',
  'Clinic',
  'Retail',
  'Energy',
  'Consulting',
  'Labs',
  'Media',
  'Travel',
  'Pharma',
  'Motors',
  'Books',
  'Studios',
  'Holdings',
  'Airlines',
  'Hotels',
  'Legal',
  'Software',
];
const NAME_SUFFIX = ['Inc.', 'Ltd', 'GmbH', 'SA', 'BV', 'KK', 'AB', 'Pty Ltd', 'LLC', 'SRL'];
const PARTNER_WORDS = [
  'Contoso',
  'Fabrikam',
  'Adatum',
  'Northwind',
  'Tailspin',
  'Cronus',
  'Bluebird',
  'Zava',
  'Kestrel',
  'Orbit',
  'Summit',
  'Harbor',
  'Vertex',
  'Nimbus',
  'Quartz',
  'Cobalt',
  'Meridian',
  'Pioneer',
];

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function date(random: Random, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  return `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
}

function guid(random: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(random, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

interface Partner {
  id: string;
  type: 'indirect-provider' | 'indirect-reseller' | 'direct-bill';
  region: string;
  country: string;
  mpaOn: string;
  providers: Partner[];
}

/** Markets per region, without the excluded ones. */
function marketsByRegion(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of table.markets) {
    if (EXCLUDED_MARKETS.has(m.iso2) || !(m.region in REGION_WEIGHTS)) continue;
    out.set(m.region, [...(out.get(m.region) ?? []), m.iso2]);
  }
  return out;
}

/** A market of `region`: one of its main markets most of the time (`mainShare`), else any of its markets. */
function marketIn(random: Random, markets: Map<string, string[]>, region: string, mainShare: number): string {
  const main = MAIN_MARKETS[region];
  return main && random() < mainShare ? pick(random, main) : pick(random, markets.get(region)!);
}

/** Counts of providers, resellers and direct-bill partners per region, from the region's weight. */
function channelSize(weight: number) {
  return {
    providers: Math.max(1, Math.round(weight / 6)),
    resellers: Math.max(4, weight * 2),
    directBill: Math.max(2, Math.round(weight / 2)),
  };
}

/** Generates the manifest text for `customerCount` customers. Same count, same text. */
export function generateManifest(customerCount: number): string {
  const random = prng(0x5eed + customerCount);
  const markets = marketsByRegion();
  const regions = [...markets.keys()];
  const out: string[] = [
    `# Generated by test/bench/generate.ts (generator v${GENERATOR_VERSION}) with ${customerCount} customers.`,
    '# Realistic channel data with a small, seeded share of rule violations. Do not edit.',
    'manifestVersion: 1',
    '',
    'partners:',
  ];

  // Partners: per region, its providers first so resellers can link to them.
  const partners: Partner[] = [];
  const byRegion = new Map<string, { providers: Partner[]; resellers: Partner[]; directBill: Partner[] }>();
  let partnerNumber = 0;
  const newPartner = (type: Partner['type'], region: string): Partner => {
    partnerNumber++;
    const kind = type === 'indirect-provider' ? 'dist' : type === 'direct-bill' ? 'direct' : 'it';
    const id = `${slug(pick(random, PARTNER_WORDS))}-${kind}-${pad(partnerNumber, 3)}`;
    const partner: Partner = {
      id,
      type,
      region,
      country: marketIn(random, markets, region, 0.9),
      mpaOn: date(random, 2021, 2022),
      providers: [],
    };
    partners.push(partner);
    return partner;
  };
  for (const region of regions) {
    const size = channelSize(REGION_WEIGHTS[region]);
    const providers = Array.from({ length: size.providers }, () => newPartner('indirect-provider', region));
    const resellers = Array.from({ length: size.resellers }, () => {
      const reseller = newPartner('indirect-reseller', region);
      reseller.providers = providers.length > 1 && random() < 0.3 ? providers.slice(0, 2) : [pick(random, providers)];
      return reseller;
    });
    const directBill = Array.from({ length: size.directBill }, () => newPartner('direct-bill', region));
    byRegion.set(region, { providers, resellers, directBill });
  }
  // Two partner-level violations: one reseller not fully onboarded, one direct-bill partner without security compliance.
  const notOnboarded = byRegion.get('europe')!.resellers[3];
  const notCompliant = byRegion.get('united-states')!.directBill[1];

  partners.forEach((p, i) => {
    const word = p.id.split('-')[0].replace(/^./, (c) => c.toUpperCase());
    const kind = p.type === 'indirect-provider' ? 'Distribution' : p.type === 'direct-bill' ? 'Cloud' : 'IT Services';
    const name = `${word} ${kind} ${p.country}`;
    out.push(
      `  - id: ${p.id}`,
      `    name: ${name}`,
      `    type: ${p.type}`,
      `    partnerId: "${4000000 + i * 37}"`,
      `    tenant: ${p.id.replace(/-/g, '')}.onmicrosoft.com`,
      `    country: ${p.country}`,
      `    region: ${p.region}`,
      `    organization: ${p.id}-group`,
      '    mpa:',
      '      accepted: true',
      `      acceptedOn: ${p.mpaOn}`,
    );
    if (p.type === 'indirect-reseller') {
      out.push('    onboarding:', '      aiCloudPartnerProgram: true', `      registeredAsIndirectReseller: ${p !== notOnboarded}`);
      out.push(`    providers: [${p.providers.map((x) => x.id).join(', ')}]`);
    }
    if (p.type === 'direct-bill') {
      out.push(
        '    directBill:',
        '      apiIntegration: true',
        '      billingAndSupport: true',
        `      securityCompliance: ${p !== notCompliant}`,
      );
    }
    out.push('');
  });

  // Customers: a region by weight, a market in it, one usual sales path and sometimes another.
  const weighted = regions.flatMap((r) => Array<string>(REGION_WEIGHTS[r]).fill(r));
  const sharedServicesOwners = new Set<Partner>();
  out.push('customers:');
  for (let n = 1; n <= customerCount; n++) {
    const region = pick(random, weighted);
    const channel = byRegion.get(region)!;
    const name = `${pick(random, NAME_FIRST)} ${pick(random, NAME_SECOND)} ${pick(random, NAME_SUFFIX)}`;
    const id = `${slug(name)}-${pad(n, 5)}`;
    // About 1% are a partner's own tenants: shared services, or bought through an unaffiliated direct-bill partner.
    const owner = random() < 0.01 ? pick(random, [...channel.resellers, ...channel.directBill]) : undefined;
    const sharedServices = owner !== undefined && !sharedServicesOwners.has(owner) && random() < 0.5;
    if (sharedServices) sharedServicesOwners.add(owner);
    let country = owner ? owner.country : marketIn(random, markets, region, 0.7);
    let regionField = random() < 0.3 ? region : undefined;
    if (!owner && random() < CUSTOMER_VIOLATIONS.unknownCountry) country = 'UK';
    else if (random() < CUSTOMER_VIOLATIONS.regionMismatch)
      regionField = pick(
        random,
        regions.filter((r) => r !== region),
      );

    out.push(
      `  - id: ${id}`,
      `    name: ${name}`,
      `    tenant: ${random() < 0.3 ? guid(random) : `${id.replace(/-/g, '')}.onmicrosoft.com`}`,
      `    country: ${country}`,
    );
    if (regionField) out.push(`    region: ${regionField}`);
    if (random() < 0.1) out.push(`    organization: ${id}-org`);
    if (owner) out.push(`    owner: ${owner.id}`);
    if (sharedServices) out.push('    sharedServices: true');
    if (random() < 0.2) out.push(`    x-crm-account: "A-${pad(Math.floor(random() * 100000), 5)}"`);
    out.push('    subscriptions:');

    const usual = salesPath(random, channel, owner);
    const offers = sharedServices ? OFFERS.filter((o) => o.kind === 'azure') : OFFERS;
    const count = sharedServices ? 1 : 1 + Math.floor(random() * 4);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(random() * offers.length));
    for (const o of chosen) {
      const offer = offers[o];
      out.push(`      - id: ${slug(offer.offer)}`, `        offer: ${offer.offer}`);
      if (offer.publisher) out.push(`        publisher: ${offer.publisher}`);
      if (offer.kind) out.push(`        kind: ${offer.kind}`);
      if (sharedServices) continue; // shared services: bought by the owner itself, no transaction path
      let { seller, provider } = random() < 0.8 ? usual : salesPath(random, channel, owner);
      let sellerId = seller.id;
      let orderedOn = date(random, 2023, 2025);
      switch (chooseViolation(random())) {
        case 'crossRegionSale':
          seller = pick(
            random,
            byRegion.get(
              pick(
                random,
                regions.filter((x) => x !== region),
              ),
            )!.directBill,
          );
          sellerId = seller.id;
          provider = undefined;
          break;
        case 'missingProvider':
          provider = undefined;
          break;
        case 'unknownReference':
          sellerId = `${seller.id.slice(0, -1)}x`;
          break;
        case 'orderedBeforeMpa':
          orderedOn = '2020-06-15';
          break; // after the MPA cutoff of 2020-02-01
        case 'badDate':
          orderedOn = '2025-13-01';
          break;
      }
      out.push(`        soldBy: ${sellerId}`);
      if (provider) out.push(`        provider: ${provider.id}`);
      out.push(`        orderedOn: ${orderedOn}`);
      if (random() < 0.1) {
        const manager = pick(random, channel.resellers);
        if (manager !== seller && manager !== owner) out.push(`        managedBy: [${manager.id}]`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** The violation a subscription gets for a draw `r` in [0, 1): each with its share, most with none. */
function chooseViolation(r: number): SubscriptionViolation | undefined {
  for (const [name, share] of Object.entries(SUBSCRIPTION_VIOLATIONS)) {
    if (r < share) return name as SubscriptionViolation;
    r -= share;
  }
  return undefined;
}

/** A direct-bill partner alone (a quarter of the time) or a reseller with one of its providers; never the owner. */
function salesPath(
  random: Random,
  channel: { resellers: Partner[]; directBill: Partner[] },
  owner?: Partner,
): { seller: Partner; provider?: Partner } {
  for (;;) {
    const seller = random() < 0.25 || owner ? pick(random, channel.directBill) : pick(random, channel.resellers);
    if (seller === owner) continue;
    return { seller, provider: seller.type === 'indirect-reseller' ? pick(random, seller.providers) : undefined };
  }
}
