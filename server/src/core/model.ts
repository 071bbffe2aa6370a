import { Document, isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { Base, Loc, locOf } from './loc';
import { deref, valueNode } from './parse';
import { regionOf } from './regions';

export type PartnerType = 'indirect-provider' | 'indirect-reseller' | 'direct-bill';
export type Path = (string | number)[];
export type ListName = 'partners' | 'customers';

/**
 * The typed model: plain values and places (Locs), no syntax tree. Each list entry is read on its own
 * (`readEntry`), so an edit re-reads only the entries it touched; a fix that needs the syntax of an
 * entry parses that entry again (see manifest.ts).
 */

/** A value read from the manifest, with its place in the text and its JSON path (for fixes). */
export interface Field<T> { value: T; node: Loc; path: Path }

/** An id written in `soldBy`, `provider`, `providers`, `managedBy` or `owner`. */
export interface Reference extends Field<string> {
  field: ReferenceField;
  /** The entity the id names (the first that declares it), looked up when read: never stale. */
  readonly target?: Entity;
}
export type ReferenceField = 'soldBy' | 'provider' | 'providers' | 'managedBy' | 'owner';

/** A mapping's keys and the places of its keys and values: what rules ask of a mapping's shape. */
export class MapShape {
  constructor(
    readonly node: Loc,
    private readonly keys: readonly string[],
    private readonly keyLocs: readonly (Loc | undefined)[],
    private readonly valueLocs: readonly (Loc | undefined)[],
  ) {}

  get range(): [number, number] { return this.node.range; }
  has(key: string): boolean { return this.keys.includes(key); }
  /** The place of `key` itself. */
  key(key: string): Loc | undefined { return this.keyLocs[this.keys.indexOf(key)]; }
  /** The place of the value of `key`, when it has one. */
  value(key: string): Loc | undefined { return this.valueLocs[this.keys.indexOf(key)]; }
  get firstKey(): Loc | undefined { return this.keyLocs[0]; }
}

/**
 * Finds entities by id for references, and lets the checker note what a rule looked up (see
 * checker.ts): a rule that read an entity is run again when that entity changes.
 */
export interface Directory {
  entity(id: string): Entity | undefined;
}

/** Lookups across entities (indexes kept up to date as the text is edited); see checker.ts. */
export interface Lookup extends Directory {
  partnerByTenant(tenant: string): Partner | undefined;
  partnerByPartnerId(partnerId: string): Partner | undefined;
  /** Every entity that names `id` as seller, provider, owner or (a reseller) one of its providers, in text order. */
  usersOf(id: string): Entity[];
  readonly hasPartnerList: boolean;
}

/** The list entry an entity was read from: its segment, its position, and every path made for it. */
export interface EntrySlot {
  list: ListName;
  index: number;
  base: Base;
  /** Paths starting with [list, index]; renumbered in place when entries before this one come or go. */
  paths: Path[];
  entity?: Entity;
  /** The whole item as written (start to end, trailing comment included), whatever it is. */
  item?: Loc;
  /** Every place read from the entry, in reading order (see `sameContent`). */
  locs: Loc[];
}

/**
 * True when two readings of an entry say the same to every other entry: the same values, keys and
 * references, places aside (and the entity's `name` and subscriptions' `offer`, which no rule reads).
 * Their places then correspond one to one, in reading order.
 */
export function sameContent(a: EntrySlot, b: EntrySlot): boolean {
  if (!a.entity || !b.entity || a.list !== b.list || a.locs.length !== b.locs.length) return false;
  const face = (entity: Entity) => JSON.stringify(entity, function (this: unknown, key: string, value: unknown) {
    if (value instanceof Loc) return '@';
    if (key === 'entry' || key === 'customer' || key === 'path' || key === 'target' || key === 'offer') return undefined;
    if (this === entity && (key === 'index' || key === 'name')) return undefined;
    return value;
  });
  return face(a.entity) === face(b.entity);
}

/** Moves an entry to position `index`: its entity and every path made for it follow. */
export function renumber(entry: EntrySlot, index: number): void {
  if (entry.index === index) return;
  entry.index = index;
  if (entry.entity) entry.entity.index = index;
  for (const path of entry.paths) path[1] = index;
}

interface EntityBase {
  entry: EntrySlot;
  /** Position in `partners` or `customers` (renumbered with its entry). */
  index: number;
  id?: Field<string>;
  node: MapShape;
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
  mpa: { accepted?: Field<boolean>; acceptedOn?: Field<string>; node?: MapShape };
  onboarding: { aiCloudPartnerProgram?: boolean; registeredAsIndirectReseller?: boolean; node?: MapShape };
  directBill: { apiIntegration?: boolean; billingAndSupport?: boolean; securityCompliance?: boolean; node?: MapShape };
  providers: Reference[];
  providersNode?: Loc;
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
  node: MapShape;
  path: Path;
  customer: Customer;
  offer?: string;
  publisher: 'microsoft' | 'third-party';
  kind: 'license' | 'azure' | 'software';
  soldBy?: Reference;
  provider?: Reference;
  orderedOn?: Field<string>;
  managedBy: Reference[];
  /** The path of one of its keys (also of a key it lacks), kept live like every path of the entry. */
  pathTo(key: string): Path;
}

export type Entity = Partner | Customer;

export interface Model {
  readonly partners: Partner[];
  readonly customers: Customer[];
  /** id → the first entity that declares it. */
  readonly byId: { get(id: string): Entity | undefined; has(id: string): boolean };
  /** Every reference, in text order, for navigation and usage counts (computed when asked). */
  readonly references: Reference[];
  /** False when `partners` is missing or not a list: references cannot be resolved then. */
  readonly hasPartnerList: boolean;
  readonly lookup: Lookup;
}

/** Answers "did the schema reject this path (relative to the entry)?": a rejected value never reaches the model. */
export type IsInvalid = (tail: Path) => boolean;

/** Every reference of one entity, in text order. */
export function referencesOf(entity: Entity): Reference[] {
  if (entity.kind === 'partner') return entity.providers;
  const out: Reference[] = entity.owner ? [entity.owner] : [];
  for (const s of entity.subscriptions) {
    if (s.soldBy) out.push(s.soldBy);
    if (s.provider) out.push(s.provider);
    // One push per item: a list of millions must not become millions of call arguments.
    for (const ref of s.managedBy) out.push(ref);
  }
  return out;
}

/**
 * Reads one list entry (a mapping) into a partner or customer. `doc` resolves aliases inside the
 * entry; `baseStart` is where `entry.base` started when `node` was parsed.
 */
export function readEntry(node: YAMLMap, doc: Document, entry: EntrySlot, baseStart: number, isInvalid: IsInvalid, directory: Directory): Entity {
  return new EntryReader(doc, entry, baseStart, isInvalid, directory).read(node);
}

/** A reference whose target is looked up when read (a class: a manifest can hold millions of them). */
class Ref implements Reference {
  constructor(
    readonly value: string,
    readonly node: Loc,
    readonly path: Path,
    readonly field: ReferenceField,
    private readonly directory: Directory,
  ) {}

  get target(): Entity | undefined {
    return this.directory.entity(this.value);
  }

  /** Plain data (no directory) when a reference is written out as JSON. */
  toJSON() {
    return { value: this.value, node: this.node, path: this.path, field: this.field, target: this.target };
  }
}

class EntryReader {
  constructor(
    private readonly doc: Document,
    private readonly entry: EntrySlot,
    private readonly baseStart: number,
    private readonly isInvalid: IsInvalid,
    private readonly directory: Directory,
  ) {}

  read(node: YAMLMap): Entity {
    return this.entry.list === 'partners' ? this.partner(node) : this.customer(node);
  }

  /** A path below the entry, renumbered with it. */
  private path(tail: Path): Path {
    const path = [this.entry.list, this.entry.index, ...tail];
    this.entry.paths.push(path);
    return path;
  }

  private loc(node: Node | null | undefined): Loc {
    return this.kept(locOf(node, this.entry.base, this.baseStart) ?? new Loc(this.entry.base, 0, 0));
  }

  private maybeLoc(node: Node | null | undefined): Loc | undefined {
    const loc = locOf(node, this.entry.base, this.baseStart);
    return loc && this.kept(loc);
  }

  private kept(loc: Loc): Loc {
    this.entry.locs.push(loc);
    return loc;
  }

  private shape(map: YAMLMap): MapShape {
    const keys: string[] = [];
    const keyLocs: (Loc | undefined)[] = [];
    const valueLocs: (Loc | undefined)[] = [];
    for (const pair of map.items) {
      keys.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
      keyLocs.push(this.maybeLoc(pair.key as Node | null));
      valueLocs.push(this.maybeLoc(deref(pair.value, this.doc)));
    }
    return new MapShape(this.loc(map), keys, keyLocs, valueLocs);
  }

  private partner(node: YAMLMap): Partner {
    const mpaNode = this.map(node, 'mpa');
    const onboardingNode = this.map(node, 'onboarding');
    const directBillNode = this.map(node, 'directBill');
    const partnerId = this.field<string | number>(node, [], 'partnerId', (v) => typeof v === 'string' || typeof v === 'number');
    const flag = (block: YAMLMap | undefined, name: string, key: string) => block && this.boolean(block, [name], key)?.value;
    const providers = valueNode(node, 'providers', this.doc);
    return {
      kind: 'partner',
      ...this.common(node),
      type: this.string(node, [], 'type')?.value as PartnerType | undefined,
      partnerId: partnerId && { ...partnerId, value: String(partnerId.value) },
      mpa: {
        node: mpaNode && this.shape(mpaNode),
        accepted: mpaNode && this.boolean(mpaNode, ['mpa'], 'accepted'),
        acceptedOn: mpaNode && this.string(mpaNode, ['mpa'], 'acceptedOn'),
      },
      onboarding: {
        node: onboardingNode && this.shape(onboardingNode),
        aiCloudPartnerProgram: flag(onboardingNode, 'onboarding', 'aiCloudPartnerProgram'),
        registeredAsIndirectReseller: flag(onboardingNode, 'onboarding', 'registeredAsIndirectReseller'),
      },
      directBill: {
        node: directBillNode && this.shape(directBillNode),
        apiIntegration: flag(directBillNode, 'directBill', 'apiIntegration'),
        billingAndSupport: flag(directBillNode, 'directBill', 'billingAndSupport'),
        securityCompliance: flag(directBillNode, 'directBill', 'securityCompliance'),
      },
      providers: this.references(node, [], 'providers'),
      providersNode: providers ? this.loc(providers) : undefined,
    };
  }

  private customer(node: YAMLMap): Customer {
    const customer: Customer = {
      kind: 'customer',
      ...this.common(node),
      owner: this.reference(node, [], 'owner'),
      sharedServices: this.boolean(node, [], 'sharedServices'),
      subscriptions: [],
    };
    const list = valueNode(node, 'subscriptions', this.doc);
    if (isSeq(list)) {
      list.items.forEach((item, i) => {
        const sub = deref(item, this.doc);
        if (isMap(sub)) customer.subscriptions.push(this.subscription(sub, ['subscriptions', i], i, customer));
      });
    }
    return customer;
  }

  private subscription(node: YAMLMap, tail: Path, index: number, customer: Customer): Subscription {
    const paths = new Map<string, Path>();
    const pathTo = (key: string): Path => {
      let path = paths.get(key);
      if (!path) paths.set(key, (path = this.path([...tail, key])));
      return path;
    };
    return {
      index,
      node: this.shape(node),
      path: this.path(tail),
      customer,
      id: this.string(node, tail, 'id'),
      offer: this.string(node, tail, 'offer')?.value,
      publisher: (this.string(node, tail, 'publisher')?.value ?? 'microsoft') as Subscription['publisher'],
      kind: (this.string(node, tail, 'kind')?.value ?? 'license') as Subscription['kind'],
      soldBy: this.reference(node, tail, 'soldBy'),
      provider: this.reference(node, tail, 'provider'),
      orderedOn: this.string(node, tail, 'orderedOn'),
      managedBy: this.references(node, tail, 'managedBy'),
      pathTo,
    };
  }

  private common(node: YAMLMap) {
    const country = this.string(node, [], 'country');
    const entry = this.entry;
    return {
      entry,
      index: entry.index,
      node: this.shape(node),
      path: this.path([]),
      id: this.string(node, [], 'id'),
      name: this.string(node, [], 'name')?.value,
      tenant: this.string(node, [], 'tenant'),
      country,
      region: regionOf(country?.value),
      regionField: this.string(node, [], 'region'),
      organization: this.string(node, [], 'organization')?.value,
    };
  }

  private map(node: YAMLMap, key: string): YAMLMap | undefined {
    const value = valueNode(node, key, this.doc);
    return isMap(value) ? value : undefined;
  }

  private field<T>(node: YAMLMap, parent: Path, key: string, accept: (v: unknown) => boolean): Field<T> | undefined {
    const tail = [...parent, key];
    const value = valueNode(node, key, this.doc);
    if (!isScalar(value) || !accept(value.value) || this.isInvalid(tail)) return undefined;
    return { value: (value as Scalar<T>).value, node: this.loc(value), path: this.path(tail) };
  }

  private string(node: YAMLMap, parent: Path, key: string): Field<string> | undefined {
    return this.field<string>(node, parent, key, (v) => typeof v === 'string');
  }

  private boolean(node: YAMLMap, parent: Path, key: string): Field<boolean> | undefined {
    return this.field<boolean>(node, parent, key, (v) => typeof v === 'boolean');
  }

  private toReference(field: Field<string>, kind: ReferenceField): Reference {
    return new Ref(field.value, field.node, field.path, kind, this.directory);
  }

  private reference(node: YAMLMap, parent: Path, kind: ReferenceField): Reference | undefined {
    const value = this.string(node, parent, kind);
    return value && this.toReference(value, kind);
  }

  private references(node: YAMLMap, parent: Path, key: 'providers' | 'managedBy'): Reference[] {
    const seq = valueNode(node, key, this.doc);
    if (!isSeq(seq)) return [];
    const out: Reference[] = [];
    seq.items.forEach((item, i) => {
      const value = deref(item, this.doc);
      const tail = [...parent, key, i];
      if (isScalar(value) && typeof value.value === 'string' && !this.isInvalid(tail)) {
        out.push(this.toReference({ value: value.value, node: this.loc(value), path: this.path(tail) }, key));
      }
    });
    return out;
  }
}
