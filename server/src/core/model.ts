import { Document, isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { deref, keyNode, valueNode } from './parse';
import { regionOf } from './regions';

export type PartnerType = 'indirect-provider' | 'indirect-reseller' | 'direct-bill';
export type Path = (string | number)[];

/** A value read from the manifest, with the node it came from (for ranges and fixes). */
export interface Field<T> { value: T; node: Node; path: Path }

/** An id written in `soldBy`, `provider`, `providers`, `managedBy` or `owner`. */
export interface Reference extends Field<string> { field: ReferenceField; target?: Entity }
export type ReferenceField = 'soldBy' | 'provider' | 'providers' | 'managedBy' | 'owner';

interface EntityBase {
  /** Position in `partners` or `customers`. */
  index: number;
  id?: Field<string>;
  node: YAMLMap;
  path: Path;
  name?: string;
  tenant?: Field<string>;
  country?: Field<string>;
  /** Region derived from `country`; undefined when `country` is not a CSP market (reported by its own rule). */
  region?: string;
  regionField?: Field<string>;
  organization?: string;
}

export interface Partner extends EntityBase {
  kind: 'partner';
  type?: PartnerType;
  partnerId?: Field<string>;
  mpa: { accepted?: Field<boolean>; acceptedOn?: Field<string>; node?: YAMLMap };
  onboarding: { aiCloudPartnerProgram?: boolean; registeredAsIndirectReseller?: boolean; node?: YAMLMap };
  directBill: { apiIntegration?: boolean; billingAndSupport?: boolean; securityCompliance?: boolean; node?: YAMLMap };
  providers: Reference[];
  providersNode?: Node;
}

export interface Customer extends EntityBase {
  kind: 'customer';
  owner?: Reference;
  sharedServices?: Field<boolean>;
  subscriptions: Subscription[];
}

export interface Subscription {
  index: number;
  id?: Field<string>;
  node: YAMLMap;
  path: Path;
  customer: Customer;
  offer?: string;
  publisher: 'microsoft' | 'third-party';
  kind: 'license' | 'azure' | 'software';
  soldBy?: Reference;
  provider?: Reference;
  orderedOn?: Field<string>;
  managedBy: Reference[];
}

export type Entity = Partner | Customer;

export interface Model {
  partners: Partner[];
  customers: Customer[];
  /** id → the first entity that declares it. */
  byId: Map<string, Entity>;
  /** Every reference, in text order, for navigation and usage counts. */
  references: Reference[];
  /** False when `partners` is missing or not a list: references cannot be resolved then. */
  hasPartnerList: boolean;
}

/** Answers "did the schema reject this path?": a rejected value never reaches the model. */
export type IsInvalid = (path: Path) => boolean;

/**
 * Builds the typed model from the parsed document. One pass over the entries; each entry is read
 * on its own (see `readPartner`/`readCustomer`) so a single entry can later be re-read alone.
 */
export function buildModel(doc: Document | undefined, isInvalid: IsInvalid): Model {
  const model: Model = { partners: [], customers: [], byId: new Map(), references: [], hasPartnerList: false };
  const root = doc ? deref(doc.contents, doc) : undefined;
  if (!doc || !isMap(root)) return model;
  const reader = new EntryReader(doc, isInvalid);
  model.hasPartnerList = isSeq(valueNode(root, 'partners', doc));
  forEachMap(valueNode(root, 'partners', doc), doc, (node, index) => model.partners.push(reader.partner(node, index)));
  forEachMap(valueNode(root, 'customers', doc), doc, (node, index) => model.customers.push(reader.customer(node, index)));

  for (const entity of [...model.partners, ...model.customers]) {
    if (entity.id && !model.byId.has(entity.id.value)) model.byId.set(entity.id.value, entity);
  }
  const resolve = (ref: Reference | undefined) => {
    if (!ref) return;
    ref.target = model.byId.get(ref.value);
    model.references.push(ref);
  };
  for (const partner of model.partners) partner.providers.forEach(resolve);
  for (const customer of model.customers) {
    resolve(customer.owner);
    for (const subscription of customer.subscriptions) {
      resolve(subscription.soldBy);
      resolve(subscription.provider);
      subscription.managedBy.forEach(resolve);
    }
  }
  return model;
}

function forEachMap(seq: Node | undefined, doc: Document, each: (node: YAMLMap, index: number) => void): void {
  if (!isSeq(seq)) return;
  seq.items.forEach((item, index) => {
    const node = deref(item, doc);
    if (isMap(node)) each(node, index);
  });
}

class EntryReader {
  constructor(private readonly doc: Document, private readonly isInvalid: IsInvalid) {}

  partner(node: YAMLMap, index: number): Partner {
    const path: Path = ['partners', index];
    const mpaNode = this.map(node, 'mpa');
    const onboardingNode = this.map(node, 'onboarding');
    const directBillNode = this.map(node, 'directBill');
    const partnerId = this.field<string | number>(node, path, 'partnerId', (v) => typeof v === 'string' || typeof v === 'number');
    return {
      kind: 'partner',
      ...this.common(node, path, index),
      type: this.string(node, path, 'type')?.value as PartnerType | undefined,
      partnerId: partnerId && { ...partnerId, value: String(partnerId.value) },
      mpa: {
        node: mpaNode,
        accepted: mpaNode && this.boolean(mpaNode, [...path, 'mpa'], 'accepted'),
        acceptedOn: mpaNode && this.string(mpaNode, [...path, 'mpa'], 'acceptedOn'),
      },
      onboarding: {
        node: onboardingNode,
        aiCloudPartnerProgram: onboardingNode && this.boolean(onboardingNode, [...path, 'onboarding'], 'aiCloudPartnerProgram')?.value,
        registeredAsIndirectReseller: onboardingNode && this.boolean(onboardingNode, [...path, 'onboarding'], 'registeredAsIndirectReseller')?.value,
      },
      directBill: {
        node: directBillNode,
        apiIntegration: directBillNode && this.boolean(directBillNode, [...path, 'directBill'], 'apiIntegration')?.value,
        billingAndSupport: directBillNode && this.boolean(directBillNode, [...path, 'directBill'], 'billingAndSupport')?.value,
        securityCompliance: directBillNode && this.boolean(directBillNode, [...path, 'directBill'], 'securityCompliance')?.value,
      },
      providers: this.references(node, path, 'providers'),
      providersNode: valueNode(node, 'providers', this.doc),
    };
  }

  customer(node: YAMLMap, index: number): Customer {
    const path: Path = ['customers', index];
    const customer: Customer = {
      kind: 'customer',
      ...this.common(node, path, index),
      owner: this.reference(node, path, 'owner'),
      sharedServices: this.boolean(node, path, 'sharedServices'),
      subscriptions: [],
    };
    forEachMap(valueNode(node, 'subscriptions', this.doc), this.doc, (sub, i) => {
      customer.subscriptions.push(this.subscription(sub, [...path, 'subscriptions', i], i, customer));
    });
    return customer;
  }

  private subscription(node: YAMLMap, path: Path, index: number, customer: Customer): Subscription {
    return {
      index,
      node,
      path,
      customer,
      id: this.string(node, path, 'id'),
      offer: this.string(node, path, 'offer')?.value,
      publisher: (this.string(node, path, 'publisher')?.value ?? 'microsoft') as Subscription['publisher'],
      kind: (this.string(node, path, 'kind')?.value ?? 'license') as Subscription['kind'],
      soldBy: this.reference(node, path, 'soldBy'),
      provider: this.reference(node, path, 'provider'),
      orderedOn: this.string(node, path, 'orderedOn'),
      managedBy: this.references(node, path, 'managedBy'),
    };
  }

  private common(node: YAMLMap, path: Path, index: number) {
    const country = this.string(node, path, 'country');
    const region = regionOf(country?.value);
    return {
      index,
      node,
      path,
      id: this.string(node, path, 'id'),
      name: this.string(node, path, 'name')?.value,
      tenant: this.string(node, path, 'tenant'),
      country,
      region,
      regionField: this.string(node, path, 'region'),
      organization: this.string(node, path, 'organization')?.value,
    };
  }

  private map(node: YAMLMap, key: string): YAMLMap | undefined {
    const value = valueNode(node, key, this.doc);
    return isMap(value) ? value : undefined;
  }

  private field<T>(node: YAMLMap, parent: Path, key: string, accept: (v: unknown) => boolean): Field<T> | undefined {
    const path = [...parent, key];
    const value = valueNode(node, key, this.doc);
    if (!isScalar(value) || !accept(value.value) || this.isInvalid(path)) return undefined;
    return { value: (value as Scalar<T>).value, node: value, path };
  }

  private string(node: YAMLMap, parent: Path, key: string): Field<string> | undefined {
    return this.field<string>(node, parent, key, (v) => typeof v === 'string');
  }

  private boolean(node: YAMLMap, parent: Path, key: string): Field<boolean> | undefined {
    return this.field<boolean>(node, parent, key, (v) => typeof v === 'boolean');
  }

  private reference(node: YAMLMap, parent: Path, field: ReferenceField): Reference | undefined {
    const value = this.string(node, parent, field);
    return value && { ...value, field };
  }

  private references(node: YAMLMap, parent: Path, key: 'providers' | 'managedBy'): Reference[] {
    const seq = valueNode(node, key, this.doc);
    if (!isSeq(seq)) return [];
    const out: Reference[] = [];
    seq.items.forEach((item, i) => {
      const value = deref(item, this.doc);
      const path = [...parent, key, i];
      if (isScalar(value) && typeof value.value === 'string' && !this.isInvalid(path)) out.push({ value: value.value, node: value, path, field: key });
    });
    return out;
  }
}

export { keyNode };
