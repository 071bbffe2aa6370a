export type Locale = 'en' | 'ja';

/**
 * One message: English first, Japanese right after it. Placeholders are `{name}`. A long message is
 * written as a list of parts, joined without separator (a `+` would hide its placeholders from the types).
 */
export interface Entry {
  readonly en: Text;
  readonly ja: Text;
}

export type Text = string | readonly string[];

/** The text of a message in one language. */
export const joined = (text: Text): string => (typeof text === 'string' ? text : text.join(''));
