/**
 * The scenario answers of spec §5 in words: the question, whom each item is about and why, in the language
 * of the check. The core answers with ids and message keys (core/scenarios.ts); the CLI prints these words
 * (as text or JSON), the language server sends them and makes its Markdown report of them.
 */
import { keyedMessage, Locale, MessageArg, MessageArgs, Translate, translator } from '../messages';
import type { Reason, Sale, ScenarioNumber, ScenarioResult, Subject, Verdict } from '../core/scenarios';
import type { Range } from '../core/text';

/** The mark of each verdict: in the CLI's lines and in the report's items. */
export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = { 'supported': '✓', 'not-supported': '✗', 'not-applicable': '–' };

/** One item in words: what the CLI prints as JSON, what the language server answers, the expected files hold. */
export interface RenderedItem {
  subject: string;
  verdict: Verdict;
  reason: string;
  rules: string[];
  locations: Range[];
}

export interface RenderedScenario {
  scenario: ScenarioNumber;
  question: string;
  items: RenderedItem[];
}

/** The question of a scenario, in `locale`. */
export function scenarioQuestion(locale: Locale, scenario: ScenarioNumber): string {
  return translator(locale)(`scenario.${scenario}.question`);
}

export function renderScenario(result: ScenarioResult, locale: Locale): RenderedScenario {
  const t = translator(locale);
  return {
    scenario: result.scenario,
    question: scenarioQuestion(locale, result.scenario),
    items: result.items.map((item) => ({
      subject: subjectText(item.subject, t),
      verdict: item.verdict,
      reason: reasonText(item.reason, locale, t),
      rules: item.rules,
      locations: item.locations,
    })),
  };
}

/** `woodgrove / m365-e3: Microsoft → contoso-dist → fabrikam → woodgrove`, `adatum → adatum-shared`, `The manifest`… */
function subjectText(subject: Subject, t: Translate): string {
  switch (subject.kind) {
    case 'manifest':
      return t('scenario.manifest');
    case 'entry':
      return subject.id;
    case 'own-use':
      return `${subject.partner} → ${subject.customer}`;
  }
  const subscription = `${subject.customer} / ${subject.subscription}`;
  switch (subject.kind) {
    case 'subscription':
      return subscription;
    case 'path':
      return `${subscription}: ${chainText(subject.sale, t)}`;
    case 'bought-from':
      return `${subscription}: ${(subject.sale && sellersText(subject.sale, t)) || '—'}`;
    case 'manager':
      return `${subscription}: ${subject.manager}`;
  }
}

/** `Microsoft → provider → reseller → customer`, `Microsoft → direct-bill → customer`, or the owner of a shared services tenant. */
function chainText(sale: Sale, t: Translate): string {
  if (sale.sharedServices) return `Microsoft → ${sale.seller} (${t('scenario.shared-services')}) → ${sale.customer}`;
  return ['Microsoft', sale.provider, sale.seller, sale.customer].filter((x): x is string => x !== undefined).join(' → ');
}

/** `reseller + provider`, `seller`, or the owner of a shared services tenant. */
function sellersText(sale: Sale, t: Translate): string {
  if (sale.sharedServices) return `${sale.seller} (${t('scenario.shared-services')})`;
  return [sale.seller, sale.provider].filter(Boolean).join(' + ');
}

function reasonText(reason: Reason, locale: Locale, t: Translate): string {
  if (reason.kind === 'findings') return reason.messages.join(' ');
  const args: MessageArgs = {};
  for (const [name, value] of Object.entries(reason.message.args as Record<string, MessageArg | Sale | readonly string[]>))
    args[name] = isList(value) ? value.join(', ') : isSale(value) ? chainText(value, t) : value;
  const said = keyedMessage(locale, { key: reason.message.key, args });
  return reason.notes.length ? `${said} ${t('scenario.notes', { notes: reason.notes.join(' ') })}` : said;
}

const isList = (value: MessageArg | Sale | readonly string[]): value is readonly string[] => Array.isArray(value);
const isSale = (value: MessageArg | Sale): value is Sale => typeof value === 'object' && 'seller' in value;
