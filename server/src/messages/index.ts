/**
 * The message catalogue: every user-facing string of the server, the CLI and the scenario checks, keyed by
 * rule or fix id and split by area. Keys and placeholders are types: a misspelt key, or an argument that
 * the template does not name, fails to compile.
 */
import { cliMessages } from './cli';
import { joined, Locale, Text } from './entry';
import { fixMessages } from './fixes';
import { graphMessages } from './graph';
import { languageServerMessages } from './language-server';
import { ruleMessages } from './rules';
import { scenarioMessages } from './scenarios';

export type { Locale } from './entry';

/** The areas, each in its own file; a key belongs to one area (a test checks that none is in two). */
export const AREAS = {
  'rules': ruleMessages,
  'fixes': fixMessages,
  'scenarios': scenarioMessages,
  'language-server': languageServerMessages,
  'cli': cliMessages,
  'graph': graphMessages,
};

const catalogue = {
  ...ruleMessages,
  ...fixMessages,
  ...scenarioMessages,
  ...languageServerMessages,
  ...cliMessages,
  ...graphMessages,
};
type Catalogue = typeof catalogue;

export type MessageKey = keyof Catalogue;

/** The `{name}` placeholders of a template (other braces, as in `{ accepted: true }`, are text). */
type Placeholders<T extends Text> = T extends readonly string[]
  ? Placeholders<T[number]>
  : T extends `${string}{${infer Name}}${infer Rest}`
    ? (Name extends `${string}${' ' | '{' | ':'}${string}` ? never : Name) | Placeholders<Rest>
    : never;

/** The placeholders of one message. */
export type PlaceholderOf<K extends MessageKey> = Placeholders<Catalogue[K]['en']>;

/** A placeholder value: text, a number, or another catalogue entry (translated along with the message). */
export type MessageArg = string | number | { key: MessageKey };

/** The arguments of a message: one value per placeholder, named as in the template. */
export type ArgsOf<K extends MessageKey, Value = MessageArg> = { [P in PlaceholderOf<K>]: Value };

/** A key with its arguments, for messages chosen at run time (a report, a related location). */
export type Keyed<Value = MessageArg> = { [K in MessageKey]: { key: K; args: ArgsOf<K, Value> } }[MessageKey];

/** Loose arguments, for code that only passes them along. */
export type MessageArgs = Record<string, MessageArg>;

/** The arguments parameter of `message`: optional for a message without placeholders. */
export type ArgsParameter<K extends MessageKey> = [PlaceholderOf<K>] extends [never] ? [args?: Record<string, never>] : [args: ArgsOf<K>];

/** `message` in one locale: what code that writes many messages (a report, fix titles) is given. */
export type Translate = <K extends MessageKey>(key: K, ...args: ArgsParameter<K>) => string;

export const translator =
  (locale: Locale): Translate =>
  (key, ...args) =>
    message(locale, key, ...args);

export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** The message for `key` in `locale`, placeholders filled. */
export function message<K extends MessageKey>(locale: Locale, key: K, ...[args]: ArgsParameter<K>): string {
  return fill(locale, key, args ?? {});
}

/** `message` for a key and arguments known only at run time (a report's); checked where they were made. */
export function keyedMessage(locale: Locale, keyed: { key: MessageKey; args?: MessageArgs }): string {
  return fill(locale, keyed.key, keyed.args ?? {});
}

function fill(locale: Locale, key: MessageKey, args: MessageArgs): string {
  const template = joined(catalogue[key][locale]);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? fill(locale, value.key, {}) : shorten(String(value));
  });
}

/** Every key, for the catalogue's own tests (each has both languages, the same placeholders). */
export function messageKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}

/** Values are quoted in messages; a 5 MB value must not make a 5 MB message. */
function shorten(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
