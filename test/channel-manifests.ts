// Small manifests for the channel tree's tests (test/channel-tree.test.ts, the editor suite's
// 08-channel-tree.e2e.ts): entries in YAML flow style, one a line, each named by its id and clean as built.

/** A manifest of these partner and customer entries. */
export function manifest(partners: string[], customers: string[]): string {
  return [
    'manifestVersion: 1',
    'partners:',
    ...partners.map((p) => `  - ${p}`),
    'customers:',
    ...customers.map((c) => `  - ${c}`),
    '',
  ].join('\n');
}

const MPA = 'mpa: { accepted: true, acceptedOn: 2024-01-01 }';

export const provider = (id: string, country: string) => `{ id: ${id}, name: ${id}, type: indirect-provider, country: ${country}, ${MPA} }`;

export const reseller = (id: string, country: string, providers: string[]) =>
  `{ id: ${id}, name: ${id}, type: indirect-reseller, country: ${country}, ${MPA}, ` +
  `onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }, providers: [${providers.join(', ')}] }`;

/** A subscription sold by `soldBy` (through `via`): `m365` (offer M365) unless named. */
export const subscription = (soldBy: string, via?: string, id = 'm365', offer = 'M365') =>
  `{ id: ${id}, offer: ${offer}, soldBy: ${soldBy}${via ? `, provider: ${via}` : ''} }`;

/** A customer with these subscriptions. */
export const customerWith = (id: string, country: string, subscriptions: string[]) =>
  `{ id: ${id}, name: ${id}, country: ${country}, subscriptions: [${subscriptions.join(', ')}] }`;

/** A customer with one subscription sold by `soldBy` (through `via`), or with none. */
export const customer = (id: string, country: string, soldBy?: string, via?: string) =>
  customerWith(id, country, soldBy ? [subscription(soldBy, via)] : []);

/** The ids `c-01`… of `n` customers. */
export const customerIds = (n: number) => Array.from({ length: n }, (_, i) => `c-${String(i + 1).padStart(2, '0')}`);

/** `n` French customers (`c-01`…) of the reseller fabrikam, which buys through the indirect provider contoso. */
export function oneResellersCustomers(n: number): string {
  return manifest(
    [provider('contoso', 'DE'), reseller('fabrikam', 'FR', ['contoso'])],
    customerIds(n).map((id) => customer(id, 'FR', 'fabrikam', 'contoso')),
  );
}
