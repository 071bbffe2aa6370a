/**
 * The commented starter manifest of "CSP: New Manifest": one indirect provider, one indirect reseller that
 * buys through it, and one customer with one subscription sold along that path. It checks clean (the
 * editor tests check it), and its comments are in the display language.
 */
import * as vscode from 'vscode';

export function starterManifest(): string {
  const comment = (text: string) => `# ${text}`;
  return [
    comment(vscode.l10n.t('A CSP channel: the partners, the end customers, and how each subscription is sold.')),
    comment(vscode.l10n.t('Replace the example entries with yours; hover a key to see what it means.')),
    'manifestVersion: 1',
    '',
    comment(vscode.l10n.t('Partners: indirect providers (distributors), indirect resellers and direct-bill partners.')),
    'partners:',
    '  - id: contoso-dist',
    '    name: Contoso Distribution',
    '    type: indirect-provider',
    '    country: DE',
    '    mpa: { accepted: true, acceptedOn: 2024-01-15 }',
    `  ${comment(vscode.l10n.t('An indirect reseller buys through the indirect providers it lists under providers.'))}`,
    '  - id: fabrikam',
    '    name: Fabrikam',
    '    type: indirect-reseller',
    '    country: FR',
    '    mpa: { accepted: true, acceptedOn: 2024-02-01 }',
    '    onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }',
    '    providers: [contoso-dist]',
    '',
    comment(vscode.l10n.t('Customers: each with its subscriptions and who sells them.')),
    'customers:',
    '  - id: woodgrove',
    '    name: Woodgrove Bank',
    '    country: FR',
    '    subscriptions:',
    '      - id: m365-e3',
    '        offer: Microsoft 365 E3',
    `        soldBy: fabrikam          ${comment(vscode.l10n.t('the partner that transacts'))}`,
    `        provider: contoso-dist    ${comment(vscode.l10n.t('the indirect provider behind an indirect reseller'))}`,
    '        orderedOn: 2024-03-01',
    '',
  ].join('\n');
}
