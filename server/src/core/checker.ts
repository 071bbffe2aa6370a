import { collectReferences, Entity, Lookup, Partner, Reference } from './model';
import type { Report, Rule, UnitContext } from './rules/rule';

/**
 * Incremental checking. Rules run per entity (a unit: one partner or one customer) and report only
 * about places in that entity. Whatever a unit reads of other entities it gets through `Indexes`,
 * which notes the lookup keys it used (an id `x` as it is; `tenant:t`, `pid:p`, `uses:x`, `:root`: ids have no
 * colon). When an entity
 * comes, goes or changes, the keys under which it can be found are dirty, and exactly the units that
 * looked up one of those keys run again. So after any edit the reports equal those of a run over
 * every entity, which is what a check of the whole text does.
 */

/** Partners before customers, each in list order: the order in which a whole run reports. */
export function orderOf(entity: Entity): number {
  return entity.kind === 'partner' ? entity.index : 0x40000000 + entity.index;
}

const byOrder = (a: Entity, b: Entity) => orderOf(a) - orderOf(b);

/**
 * The references that make an entity a user of the partner they name (`usersOf`): sellers, providers,
 * owners and a reseller's providers. `managedBy` is left out: no rule asks who manages a partner's
 * subscriptions, and a list of managers can be very long.
 */
function usingReferences(entity: Entity): Reference[] {
  return collectReferences(entity, { managedBy: false });
}

/** Adds `entity` under `key` of a map that keeps one entity bare and several in a set. */
function addTo(map: Map<string, Entity | Set<Entity>>, key: string, entity: Entity): void {
  const found = map.get(key);
  if (!found) map.set(key, entity);
  else if (found instanceof Set) found.add(entity);
  else if (found !== entity) map.set(key, new Set([found, entity]));
}

/** Takes `entity` from under `key` (see `addTo`). */
function removeOne(map: Map<string, Entity | Set<Entity>>, key: string, entity: Entity): void {
  const found = map.get(key);
  if (found === entity) map.delete(key);
  else if (found instanceof Set) {
    found.delete(entity);
    if (found.size === 1) map.set(key, found.values().next().value!);
  }
}

/** A report with what is needed to put it in the order of a whole run. */
export type UnitReport = Report & {
  rule: Rule;
  ruleIndex: number;
  seq: number;
};

export interface Unit {
  entity: Entity;
  reports: UnitReport[];
  /** The keys its last run looked up. */
  deps: string[];
}

/** Sorted insert/remove helpers for the per-key lists (few entries each: duplicates are rare). */
function insertSorted<T extends Entity>(list: T[], entity: T): void {
  let i = list.length;
  while (i > 0 && orderOf(list[i - 1]) > orderOf(entity)) i--;
  list.splice(i, 0, entity);
}

function removeFrom<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

export class Indexes implements Lookup {
  private readonly ids = new Map<string, Entity[]>();
  private readonly tenants = new Map<string, Partner[]>();
  private readonly partnerIds = new Map<string, Partner[]>();
  /** id → the entity (or entities: most ids are referenced by one) that reference it. */
  private readonly users = new Map<string, Entity | Set<Entity>>();
  /** id → the customers that name it in a `managedBy` list: no rule asks, but the editor lists where an id is written. */
  private readonly managers = new Map<string, Entity | Set<Entity>>();
  /** The keys the running unit looked up; undefined outside a unit run (fixes, editor features). */
  recording: Set<string> | undefined;
  /** The ids it looked up, kept apart from `recording` so that a lookup costs no new string. */
  recordingIds: Set<string> | undefined;
  hasPartnerListValue = false;

  /** The first entity that declares `id`. */
  entity(id: string): Entity | undefined {
    this.recordingIds?.add(id);
    return this.ids.get(id)?.[0];
  }

  hasId(id: string): boolean {
    return this.ids.has(id);
  }

  /** The first partner whose CSP tenant is `tenant` (compared without case). */
  partnerByTenant(tenant: string): Partner | undefined {
    const key = tenant.toLowerCase();
    this.recording?.add(`tenant:${key}`);
    return this.tenants.get(key)?.[0];
  }

  /** The first partner with this location PartnerID. */
  partnerByPartnerId(partnerId: string): Partner | undefined {
    this.recording?.add(`pid:${partnerId}`);
    return this.partnerIds.get(partnerId)?.[0];
  }

  /** Every entity that references `id` (in any field), in text order. */
  usersOf(id: string): Entity[] {
    this.recording?.add(`uses:${id}`);
    const users = this.users.get(id);
    return users instanceof Set ? [...users].sort(byOrder) : users ? [users] : [];
  }

  writersOf(id: string): Entity[] {
    const writers = new Set<Entity>(this.ids.get(id));
    for (const map of [this.users, this.managers]) {
      const found = map.get(id);
      if (found instanceof Set) for (const entity of found) writers.add(entity);
      else if (found) writers.add(found);
    }
    return [...writers].sort(byOrder);
  }

  get hasPartnerList(): boolean {
    this.recording?.add(':root');
    return this.hasPartnerListValue;
  }

  /** The keys under which `entity` can be found: they are dirty when it comes or goes. */
  static keysOf(entity: Entity): string[] {
    const keys: string[] = [];
    if (entity.id) keys.push(entity.id.value);
    if (entity.kind === 'partner') {
      if (entity.tenant) keys.push(`tenant:${entity.tenant.value.toLowerCase()}`);
      if (entity.partnerId) keys.push(`pid:${entity.partnerId.value}`);
    }
    for (const ref of usingReferences(entity)) keys.push(`uses:${ref.value}`);
    return keys;
  }

  add(entity: Entity): void {
    if (entity.id) this.push(this.ids, entity.id.value, entity);
    if (entity.kind === 'partner') {
      if (entity.tenant) this.push(this.tenants, entity.tenant.value.toLowerCase(), entity);
      if (entity.partnerId) this.push(this.partnerIds, entity.partnerId.value, entity);
    }
    for (const ref of usingReferences(entity)) addTo(this.users, ref.value, entity);
    // The `managedBy` references that `usingReferences` leaves out.
    if (entity.kind === 'customer') {
      for (const s of entity.subscriptions) for (const ref of s.managedBy) addTo(this.managers, ref.value, entity);
    }
  }

  remove(entity: Entity): void {
    if (entity.id) removeFrom(this.ids, entity.id.value, entity);
    if (entity.kind === 'partner') {
      if (entity.tenant) removeFrom(this.tenants, entity.tenant.value.toLowerCase(), entity);
      if (entity.partnerId) removeFrom(this.partnerIds, entity.partnerId.value, entity);
    }
    for (const ref of usingReferences(entity)) removeOne(this.users, ref.value, entity);
    if (entity.kind === 'customer') {
      for (const s of entity.subscriptions) for (const ref of s.managedBy) removeOne(this.managers, ref.value, entity);
    }
  }

  private push<T extends Entity>(map: Map<string, T[]>, key: string, entity: T): void {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    insertSorted(list, entity);
  }
}

/**
 * The units of one manifest and what they depend on. `update` takes the entities that went and came
 * and the keys otherwise dirty, and runs again every unit that may report differently.
 */
export class Checker {
  readonly units = new Map<Entity, Unit>();
  /** key → the unit (or units) whose last run looked it up; one unit is kept bare, as most keys have one. */
  private readonly dependents = new Map<string, Unit | Set<Unit>>();
  /** Units with at least one report, so that collecting the findings does not walk every unit. */
  readonly reporting = new Set<Unit>();

  constructor(
    readonly indexes: Indexes,
    private readonly rules: readonly Rule[],
    private readonly context: Omit<UnitContext, 'report'>,
  ) {}

  update(gone: readonly Entity[], came: readonly Entity[], dirtyKeys: Iterable<string> = []): void {
    const dirty = new Set<string>(dirtyKeys);
    for (const entity of gone) {
      for (const key of Indexes.keysOf(entity)) dirty.add(key);
      this.indexes.remove(entity);
      const unit = this.units.get(entity);
      if (unit) this.drop(unit);
    }
    // Before any unit has run (a text read anew) nothing depends on anything yet: no key can be dirty.
    const anyDependents = this.dependents.size > 0;
    for (const entity of came) {
      if (anyDependents) for (const key of Indexes.keysOf(entity)) dirty.add(key);
      this.indexes.add(entity);
    }
    const toRun = new Set<Unit>();
    for (const entity of came) {
      const unit: Unit = { entity, reports: [], deps: [] };
      this.units.set(entity, unit);
      toRun.add(unit);
    }
    for (const key of dirty) {
      const found = this.dependents.get(key);
      if (found instanceof Set) for (const unit of found) toRun.add(unit);
      else if (found) toRun.add(found);
    }
    for (const unit of toRun) this.run(unit);
  }

  /**
   * `after` is a new reading of `before` that looks the same to every other entity: it takes its place
   * in the indexes and runs its own rules; the units that looked it up keep their reports.
   */
  replace(before: Entity, after: Entity): void {
    this.indexes.remove(before);
    this.indexes.add(after);
    const unit = this.units.get(before);
    if (unit) this.drop(unit);
    const fresh: Unit = { entity: after, reports: [], deps: [] };
    this.units.set(after, fresh);
    this.run(fresh);
  }

  /**
   * Registers the entities of a text read anew, whose units nothing depends on yet, and returns their
   * units for the caller to `run` (in slices, so that a server stays responsive).
   */
  register(came: readonly Entity[]): Unit[] {
    for (const entity of came) this.indexes.add(entity);
    return came.map((entity) => {
      const unit: Unit = { entity, reports: [], deps: [] };
      this.units.set(entity, unit);
      return unit;
    });
  }

  private drop(unit: Unit): void {
    this.units.delete(unit.entity);
    this.reporting.delete(unit);
    this.forgetDeps(unit);
  }

  private forgetDeps(unit: Unit): void {
    for (const key of unit.deps) {
      const found = this.dependents.get(key);
      if (found === unit) this.dependents.delete(key);
      else if (found instanceof Set) {
        found.delete(unit);
        if (found.size === 1) this.dependents.set(key, found.values().next().value!);
      }
    }
  }

  run(unit: Unit): void {
    this.forgetDeps(unit);
    const recording = new Set<string>();
    const ids = new Set<string>();
    this.indexes.recording = recording;
    this.indexes.recordingIds = ids;
    const reports: UnitReport[] = [];
    const entity = unit.entity;
    // One context for all the rules of the unit; `report` completes each report in place with the rule
    // that made it (the report objects are the rule's own: a list can hold millions).
    let rule = this.rules[0];
    let ruleIndex = 0;
    const context: UnitContext = {
      ...this.context,
      report: (report) => {
        const completed = report as UnitReport;
        completed.rule = rule;
        completed.ruleIndex = ruleIndex;
        completed.seq = reports.length;
        reports.push(completed);
      },
    };
    try {
      for (ruleIndex = 0; ruleIndex < this.rules.length; ruleIndex++) {
        rule = this.rules[ruleIndex];
        try {
          if (entity.kind === 'partner') rule.checkPartner?.(entity, context);
          else rule.checkCustomer?.(entity, context);
        } catch (error) {
          // A bug in one rule must not take the others (or the editor) down with it.
          reports.push({
            rule,
            ruleIndex,
            seq: reports.length,
            key: 'schema.other',
            args: { property: rule.id, detail: `internal error: ${String(error)}` },
            path: [],
            severity: 'error',
          });
        }
      }
    } finally {
      this.indexes.recording = undefined;
      this.indexes.recordingIds = undefined;
    }
    unit.reports = reports;
    unit.deps = [...recording];
    for (const id of ids) unit.deps.push(id);
    for (const key of unit.deps) {
      const found = this.dependents.get(key);
      if (!found) this.dependents.set(key, unit);
      else if (found instanceof Set) found.add(unit);
      else if (found !== unit) this.dependents.set(key, new Set([found, unit]));
    }
    if (reports.length) this.reporting.add(unit);
    else this.reporting.delete(unit);
  }
}
