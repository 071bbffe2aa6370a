// The manifest schema along a chain of keys and list markers: what the value at a place of a half-typed text
// may be, for completion (which keys, which values) and hover (what a key means).
import { schema } from '../core/schema';
import type { Point } from './half-typed-yaml';

/** The values the manifest schema allows in `enum` and `const`: scalars, which completion writes as they are. */
type Scalar = string | number | boolean | null;

/** The parts of a JSON Schema (draft-07) that the walk and the completions read. */
interface Json {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Json>;
  patternProperties?: Record<string, Json>;
  items?: Json;
  required?: string[];
  enum?: Scalar[];
  const?: Scalar;
  default?: unknown;
  description?: string;
}
const rootSchema: Json = schema;
const definitions: Record<string, Json> = schema.definitions;

/** A schema reached by walking the manifest: `def` names the shared definition it came from (partner, id, country…). */
export interface SchemaAt {
  schema: Json;
  def?: string;
  name: string;
}

function resolve(s: Json | undefined, name: string): SchemaAt | undefined {
  if (!s || typeof s !== 'object') return undefined;
  if (typeof s.$ref === 'string') {
    const def = s.$ref.replace('#/definitions/', '');
    const target = definitions[def];
    if (!target) return undefined;
    const { $ref: _ref, ...own } = s;
    return { schema: { ...target, ...own }, def, name: def };
  }
  return { schema: s, name };
}

/** The schema of a key's value or of a list's items; `x-` keys are the user's own annotations. */
export function childSchema(at: SchemaAt, step: string): SchemaAt | undefined {
  const s = at.schema;
  if (step === '-') return s.type === 'array' ? resolve(s.items, at.name) : undefined;
  if (s.type !== 'object') return undefined;
  if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, step)) return resolve(s.properties[step], step);
  if (step.startsWith('x-') && s.patternProperties?.['^x-']) return resolve(s.patternProperties['^x-'], step);
  return undefined;
}

/** The schema of the whole manifest, where every walk starts. */
export const rootSchemaAt = (): SchemaAt => ({ schema: rootSchema, name: 'root' });

/** The schema of the node that a chain of keys and list markers (from the root) leads to. */
export function schemaAlong(chain: readonly Point[]): SchemaAt | undefined {
  let at: SchemaAt | undefined = rootSchemaAt();
  for (const point of chain) {
    at = childSchema(at, point.kind === '-' ? '-' : point.name!);
    if (!at) return undefined;
  }
  return at;
}

/** Whether a schema is a mapping's (its keys are what completion offers). */
export const isMapping = (at: SchemaAt | undefined) => at?.schema.type === 'object';
