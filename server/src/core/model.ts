import { Document, isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { deref } from './anchors';
import { Base, Loc, spanOf } from './loc';
import { eachEntry, MapEntry, viewOf } from './merge';
import { regionOf } from './regions';

export const PARTNER_TYPES = ['indirect-provider', 'indirect-reseller', 'direct-bill'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const isPartnerType = (value: string): value is PartnerType => (PARTNER_TYPES as readonly string[]).includes(value);
export type Path = (string | number)[];
export type ListName = 'partners' | 'customers';

/**
 * The typed model: plain values and places (Locs), no syntax tree. Each list entry is read on its own
 * (`readEntry`), so an edit re-reads only the entries it touched; a fix that needs the syntax of an
 * entry parses that entry again (see manifest.ts).
 */

/** A value read from the manifest, with its place in the text and its JSON path (for fixes). */
export interface Field<T> {
  readonly value: T;
  readonly node: Loc;
  readonly path: Path;
}

/** An id written in `soldBy`, `provider`, `providers`, `managedBy` or `owner`. */
export interface Reference extends Field<string> {
  field: ReferenceField;
  /** The entity the id names (the first that declares it), looked up when read: never stale. */
  readonly target?: Entity;
}
export type ReferenceField = 'soldBy' | 'provider' | 'providers' | 'managedBy' | 'owner';

/**
 * Places and paths of the model are made when first asked for: most never are (only those a finding,
 * a fix or an editor feature points at), and a manifest holds hundreds of thousands of values. Once
 * made they are kept, and moved when the entry is read again with the same content (`moveOnto`).
 */

/**
 * The places of every mapping of one entry, relative to its base: packed in one typed array once the
 * entry is read (a manifest has tens of thousands of mappings; an array each would weigh more than the
 * places themselves). A place in another segment (a value an alias or a merge brings from there) is
 * relative to that segment, noted in `bases`; a merged place notes its merge in `vias` (see `Loc.via`).
 * Both are keyed by the index of the place's start in `data`, and most entries have neither.
 */
interface SpanStore {
  data: number[] | Int32Array;
  bases?: Map<number, Base>;
  vias?: Map<number, Loc>;
}

/** A mapping's keys (merged ones included) and the places of its keys and values: what rules ask of a mapping's shape. */
export class MapShape {
  private made: (Loc | undefined)[] | undefined;

  /**
   * From `at` in `store`: the map's own start and end, the first key written in it, then per key: key
   * start, key end, value start, value end (-1 where there is none). `unread`: a merge of the mapping was
   * left out (it expands past the alias budget), so any key may be there.
   */
  constructor(
    private readonly entry: EntrySlot,
    private readonly keys: readonly string[],
    private readonly store: SpanStore,
    private readonly at: number,
    private readonly unread = false,
  ) {}

  private span(slot: number, end: 0 | 1): number {
    return this.store.data[this.at + 2 * slot + end];
  }

  private baseOf(slot: number): Base {
    return this.store.bases?.get(this.at + 2 * slot) ?? this.entry.base;
  }

  private viaOf(slot: number): Loc | undefined {
    return this.store.vias?.get(this.at + 2 * slot);
  }

  private loc(slot: number): Loc | undefined {
    const from = this.span(slot, 0);
    if (from < 0) return undefined;
    this.made ??= [];
    let loc = this.made[slot];
    if (!loc) {
      loc = this.made[slot] = new Loc(this.baseOf(slot), from, this.span(slot, 1));
      const via = this.viaOf(slot);
      if (via) loc.via = via;
    }
    return loc;
  }

  get node(): Loc {
    return this.loc(0)!;
  }
  get range(): [number, number] {
    return this.node.range;
  }
  /** Whether the mapping has `key`, written or merged (any key, when a merge of it could not be read). */
  has(key: string): boolean {
    return this.unread || this.keys.includes(key);
  }
  /** The place of `key` itself (in a merge's source, for a merged key). */
  key(key: string): Loc | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.loc(2 + 2 * i);
  }
  /** The place of the value of `key`, when it has one. */
  value(key: string): Loc | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.loc(3 + 2 * i);
  }
  /** The first key written in the mapping itself (a merge key, perhaps). */
  get firstKey(): Loc | undefined {
    return this.loc(1);
  }

  moveOnto(other: MapShape): void {
    this.made?.forEach((loc, slot) => {
      if (!loc) return;
      loc.moveTo(other.baseOf(slot), other.span(slot, 0), other.span(slot, 1));
      loc.via = other.viaOf(slot);
    });
    if (this.made) other.made = this.made;
  }

  toJSON() {
    return this.keys;
  }
}

/** Where a field is when not in its entry's segment (see `SpanStore`), and the merge it comes through. */
interface Elsewhere {
  base?: Base;
  via?: Loc;
}

/** A field as read: its place and path are made when asked for. */
class ReadField<T> implements Field<T> {
  private made: Loc | undefined;
  private madePath: Path | undefined;

  /** Its path below the entry is `parent` then `key`, then `item` for an entry of a list (no array of its own until asked). */
  constructor(
    readonly value: T,
    protected readonly entry: EntrySlot,
    private readonly from: number,
    private readonly to: number,
    private readonly parent: Path,
    private readonly key: string,
    private readonly item?: number,
    private readonly elsewhere?: Elsewhere,
  ) {}

  get node(): Loc {
    if (!this.made) {
      this.made = new Loc(this.elsewhere?.base ?? this.entry.base, this.from, this.to);
      if (this.elsewhere?.via) this.made.via = this.elsewhere.via;
    }
    return this.made;
  }

  get path(): Path {
    if (!this.madePath) {
      this.madePath = [this.entry.list, this.entry.index, ...this.parent, this.key];
      if (this.item !== undefined) this.madePath.push(this.item);
      this.entry.paths.push(this.madePath);
    }
    return this.madePath;
  }

  moveOnto(other: ReadField<T>): void {
    if (this.made) {
      this.made.moveTo(other.elsewhere?.base ?? other.entry.base, other.from, other.to);
      this.made.via = other.elsewhere?.via;
    }
    other.made ??= this.made;
    other.madePath ??= this.madePath;
  }

  toJSON(): unknown {
    return this.value;
  }
}

/** A reference whose target is looked up when read, never stale. */
class Ref extends ReadField<string> implements Reference {
  constructor(
    value: string,
    entry: EntrySlot,
    from: number,
    to: number,
    parent: Path,
    readonly field: ReferenceField,
    private readonly directory: Directory,
    item?: number,
    elsewhere?: Elsewhere,
  ) {
    super(value, entry, from, to, parent, field, item, elsewhere);
  }

  get target(): Entity | undefined {
    return this.directory.entity(this.value);
  }

  toJSON(): unknown {
    return [this.field, this.value];
  }
}

/**
 * After an entry was read again with the same content (see `sameContent`): the places already made
 * from the old reading move to the new one, and are shared with it, so that whatever holds them (the
 * findings of other entries) points at the new text.
 */
export function moveOnto(before: unknown, after: unknown): void {
  if (before instanceof Loc && after instanceof Loc) {
    before.moveTo(after.base, after.from, after.to);
    before.via = after.via;
    return;
  }
  if (before instanceof ReadField && after instanceof ReadField) {
    before.moveOnto(after);
    return;
  }
  if (before instanceof MapShape && after instanceof MapShape) {
    before.moveOnto(after);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    before.forEach((item, i) => {
      moveOnto(item, after[i]);
      if (item instanceof Loc && after[i] instanceof Loc) after[i] = item;
    });
    return;
  }
  if (!before || typeof before !== 'object' || !after || typeof after !== 'object') return;
  const from = before as Record<string, unknown>,
    onto = after as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (key === 'entry' || key === 'customer') continue;
    moveOnto(from[key], onto[key]);
    // The new reading keeps the moved place itself, as fields do: a finding that holds it follows later readings too.
    if (from[key] instanceof Loc && onto[key] instanceof Loc) onto[key] = from[key];
  }
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
  /**
   * Every entity that declares `id` or names it in any reference (`managedBy` included), in text order:
   * the entities where `id` is written. For editor features: not noted as a lookup of a rule.
   */
  writersOf(id: string): Entity[];
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
}

/**
 * True when two readings of an entry say the same to every other entry: the same values, keys and
 * references, places aside (and the entity's `name` and subscriptions' `offer`, which no rule reads).
 * Their fields and mappings then correspond one to one (see `moveOnto`).
 */
export function sameContent(a: EntrySlot, b: EntrySlot): boolean {
  if (!a.entity || !b.entity || a.list !== b.list) return false;
  const face = (entity: Entity) =>
    JSON.stringify(entity, function (this: unknown, key: string, value: unknown) {
      if (value instanceof Loc) return '@';
      if (key === 'entry' || key === 'customer' || key === 'path' || key === 'offer') return undefined;
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
  /**
   * The entities that can have a value written at `offset` (in text order): those of the piece of text
   * holding it (two where one piece ends and the next begins), found without walking the lists. Undefined
   * when the text cannot tell so locally (it is parsed whole, where an alias may place a value anywhere).
   */
  entitiesAt(offset: number): Entity[] | undefined;
}

/** Answers "did the schema reject this path (relative to the entry)?": a rejected value never reaches the model. */
export type IsInvalid = (parent: Path, key: string, item?: number) => boolean;

/** Every reference of one entity, in text order. (One parameter only: it is passed to `flatMap`.) */
export function referencesOf(entity: Entity): Reference[] {
  return collectReferences(entity, { managedBy: true });
}

/** The references of one entity, in text order; the subscriptions' `managedBy` lists only when asked for. */
export function collectReferences(entity: Entity, include: { managedBy: boolean }): Reference[] {
  if (entity.kind === 'partner') return entity.providers;
  const out: Reference[] = entity.owner ? [entity.owner] : [];
  for (const s of entity.subscriptions) {
    if (s.soldBy) out.push(s.soldBy);
    if (s.provider) out.push(s.provider);
    // One push per item: a list of millions must not become millions of call arguments.
    if (include.managedBy) for (const ref of s.managedBy) out.push(ref);
  }
  return out;
}

/**
 * Reads one list entry (a mapping) into a partner or customer. `doc` resolves aliases inside the
 * entry; `baseStart` is where `entry.base` started when `node` was parsed.
 */
export function readEntry(
  node: YAMLMap,
  doc: Document,
  entry: EntrySlot,
  baseStart: number,
  isInvalid: IsInvalid,
  directory: Directory,
): Entity {
  return new EntryReader(doc, entry, baseStart, isInvalid, directory).read(node);
}

/** `pathTo` of a subscription: one live path per key, made when first asked for (most never are). */
function pathMaker(entry: EntrySlot, tail: Path): (key: string) => Path {
  let paths: Map<string, Path> | undefined;
  return (key) => {
    let path = paths?.get(key);
    if (!path) {
      path = [entry.list, entry.index, ...tail, key];
      entry.paths.push(path);
      (paths ??= new Map()).set(key, path);
    }
    return path;
  };
}

/** Key lists shared between mappings that have the same keys (most do), up to a bound for odd texts. */
const keyLists = new Map<string, readonly string[]>();
const MAX_KEY_LISTS = 10_000;

function sharedKeys(keys: string[]): readonly string[] {
  const name = keys.join('\u0000');
  const known = keyLists.get(name);
  if (known) return known;
  if (keyLists.size < MAX_KEY_LISTS) keyLists.set(name, keys);
  return keys;
}

class EntryReader {
  constructor(
    private readonly doc: Document,
    private readonly entry: EntrySlot,
    private readonly baseStart: number,
    private readonly isInvalid: IsInvalid,
    private readonly directory: Directory,
  ) {}

  /** The places of the entry's mappings (see `MapShape`), packed once the entry is read. */
  private readonly spans: SpanStore = { data: [] };
  /** Mappings and lists reached through a merge: the merge each comes through (see `Loc.via`). */
  private readonly merged = new Map<Node, Node>();

  read(node: YAMLMap): Entity {
    const entity = this.entry.list === 'partners' ? this.partner(node) : this.customer(node);
    this.spans.data = Int32Array.from(this.spans.data);
    return entity;
  }

  /** A path below the entry, renumbered with it. */
  private path(tail: Path): Path {
    const path = [this.entry.list, this.entry.index, ...tail];
    this.entry.paths.push(path);
    return path;
  }

  /** Where a node is: its segment (this entry's, or another's) and offsets from that segment's start. */
  private where(node: Node | null | undefined): { base: Base; from: number; to: number } | undefined {
    return spanOf(node, this.entry.base, this.baseStart);
  }

  /** As `where`, for a value that is read (a node without a range, which a parse does not make, stands at -1). */
  private placeOf(node: Node): { base: Base; from: number; to: number } {
    return this.where(node) ?? { base: this.entry.base, from: -1, to: -1 };
  }

  private loc(node: Node | null | undefined): Loc {
    const at = this.where(node);
    return at ? new Loc(at.base, at.from, at.to) : new Loc(this.entry.base, 0, 0);
  }

  /** A key of a mapping, and the merge its value comes through: its own, or the one its mapping came through. */
  private entryOf(map: YAMLMap, key: string): { entry?: MapEntry; value?: Node; via?: Node } {
    const entry = viewOf(map, this.doc).entry(key);
    if (!entry) return {};
    return { entry, value: deref(entry.value, this.doc), via: this.merged.get(map) ?? entry.via };
  }

  /** The place of a field, when it is not in this entry's segment or comes through a merge. */
  private elsewhere(node: Node, via: Node | undefined): Elsewhere | undefined {
    const at = this.where(node);
    const base = at && at.base !== this.entry.base ? at.base : undefined;
    const viaLoc = via && this.loc(via);
    return base || viaLoc ? { base, via: viaLoc } : undefined;
  }

  /** Packs a place: its offsets in `data`, its segment when another one's, and its merge. */
  private pushSpan(node: Node | null | undefined, via: Node | undefined): void {
    const data = this.spans.data as number[];
    const at = this.where(node);
    const index = data.length;
    data.push(at ? at.from : -1, at ? at.to : -1);
    if (at && at.base !== this.entry.base) (this.spans.bases ??= new Map()).set(index, at.base);
    if (at && via) (this.spans.vias ??= new Map()).set(index, this.loc(via));
  }

  private shape(map: YAMLMap): MapShape {
    const keys: string[] = [];
    const at = this.spans.data.length;
    const mapVia = this.merged.get(map);
    this.pushSpan(map, mapVia);
    // A mapping always has a place of its own (a parse gives every mapping a range).
    if (this.spans.data[at] < 0) (this.spans.data as number[]).splice(at, 2, 0, 0);
    this.pushSpan(map.items[0]?.key as Node | null, mapVia);
    const view = eachEntry(map, this.doc, (name, key, value, entryVia) => {
      keys.push(name);
      const via = mapVia ?? entryVia;
      this.pushSpan(key, via);
      this.pushSpan(deref(value, this.doc), via);
    });
    return new MapShape(this.entry, sharedKeys(keys), this.spans, at, view.unread);
  }

  private partner(node: YAMLMap): Partner {
    const mpaNode = this.map(node, 'mpa');
    const onboardingNode = this.map(node, 'onboarding');
    const directBillNode = this.map(node, 'directBill');
    const partnerId = this.field<string>(node, [], 'partnerId', (v) => typeof v === 'string' || typeof v === 'number', String);
    const flag = (block: YAMLMap | undefined, name: string, key: string) => block && this.boolean(block, [name], key)?.value;
    const providers = this.entryOf(node, 'providers').value;
    return {
      kind: 'partner',
      ...this.common(node),
      type: this.string(node, [], 'type')?.value as PartnerType | undefined,
      partnerId,
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
    const { value: list, via } = this.entryOf(node, 'subscriptions');
    if (isSeq(list)) {
      list.items.forEach((item, i) => {
        const sub = deref(item, this.doc);
        if (!isMap(sub)) return;
        if (via) this.merged.set(sub, via);
        customer.subscriptions.push(this.subscription(sub, ['subscriptions', i], i, customer));
      });
    }
    return customer;
  }

  private subscription(node: YAMLMap, tail: Path, index: number, customer: Customer): Subscription {
    // Made apart from the reader: a closure over it would keep the entry's syntax tree alive.
    const pathTo = pathMaker(this.entry, tail);
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

  /** A block of the entry (`mpa`, `onboarding`, `directBill`) when it is a mapping; one reached through a merge notes it. */
  private map(node: YAMLMap, key: string): YAMLMap | undefined {
    const { value, via } = this.entryOf(node, key);
    if (!isMap(value)) return undefined;
    if (via) this.merged.set(value, via);
    return value;
  }

  private field<T>(
    node: YAMLMap,
    parent: Path,
    key: string,
    accept: (v: unknown) => boolean,
    convert?: (v: unknown) => T,
  ): Field<T> | undefined {
    const { value, via } = this.entryOf(node, key);
    if (!isScalar(value) || !accept(value.value) || this.isInvalid(parent, key)) return undefined;
    const at = this.placeOf(value);
    const read = (value as Scalar<T>).value;
    return new ReadField(convert ? convert(read) : read, this.entry, at.from, at.to, parent, key, undefined, this.elsewhere(value, via));
  }

  private string(node: YAMLMap, parent: Path, key: string): Field<string> | undefined {
    return this.field<string>(node, parent, key, (v) => typeof v === 'string');
  }

  private boolean(node: YAMLMap, parent: Path, key: string): Field<boolean> | undefined {
    return this.field<boolean>(node, parent, key, (v) => typeof v === 'boolean');
  }

  private reference(node: YAMLMap, parent: Path, kind: ReferenceField): Reference | undefined {
    const { value, via } = this.entryOf(node, kind);
    if (!isScalar(value) || typeof value.value !== 'string' || this.isInvalid(parent, kind)) return undefined;
    const at = this.placeOf(value);
    return new Ref(value.value, this.entry, at.from, at.to, parent, kind, this.directory, undefined, this.elsewhere(value, via));
  }

  private references(node: YAMLMap, parent: Path, key: 'providers' | 'managedBy'): Reference[] {
    const { value: seq, via } = this.entryOf(node, key);
    if (!isSeq(seq)) return [];
    const out: Reference[] = [];
    seq.items.forEach((item, i) => {
      const value = deref(item, this.doc);
      if (isScalar(value) && typeof value.value === 'string' && !this.isInvalid(parent, key, i)) {
        const at = this.placeOf(value);
        out.push(new Ref(value.value, this.entry, at.from, at.to, parent, key, this.directory, i, this.elsewhere(value, via)));
      }
    });
    return out;
  }
}
