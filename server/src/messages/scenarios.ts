import type { Entry } from './entry';

/** Scenario checks and their report. */
export const scenarioMessages = {
  // Scenario checks (spec §5)
  'scenario.1.question': {
    en: 'How is this customer served end to end?',
    ja: 'この顧客はどのような経路でサービスを受けていますか?',
  },
  'scenario.2.question': {
    en: 'Which partners does this customer buy from?',
    ja: 'この顧客はどのパートナーから購入していますか?',
  },
  'scenario.3.question': {
    en: "Who manages this customer's subscriptions?",
    ja: 'この顧客のサブスクリプションは誰が管理していますか?',
  },
  'scenario.4.question': {
    en: 'How does this partner buy for its own use?',
    ja: 'このパートナーは自社利用の購入をどのように行っていますか?',
  },
  'scenario.5.question': {
    en: 'Does anyone sell to itself or an affiliate?',
    ja: '自社や関連組織に販売しているパートナーはありますか?',
  },
  'scenario.6.question': {
    en: 'Does anyone sell across regions?',
    ja: 'CSP リージョンをまたいで販売しているパートナーはありますか?',
  },
  'scenario.7.question': {
    en: 'Are all partner relationships within one region?',
    ja: 'パートナー間の関係はすべて 1 つの CSP リージョン内にありますか?',
  },
  'scenario.1.none': {
    en: 'This customer has no subscriptions.',
    ja: 'この顧客にはサブスクリプションがありません。',
  },
  'scenario.1.no-seller': {
    en: 'No seller (soldBy) is recorded for this subscription.',
    ja: 'このサブスクリプションには販売者 (soldBy) が記録されていません。',
  },
  'scenario.1.valid': {
    en: 'Valid path: {chain}.',
    ja: '有効な経路: {chain}。',
  },
  'scenario.notes': {
    en: 'Notes: {notes}',
    ja: '補足: {notes}',
  },
  'scenario.2.multipartner': {
    en: 'Multipartner: this customer buys from {count} partners ({partners}); each subscription is checked on its own.',
    ja: 'マルチパートナー: この顧客は {count} 社のパートナー ({partners}) から購入しています。サブスクリプションごとに確認します。',
  },
  'scenario.2.single': {
    en: 'Bought from {partners}.',
    ja: '{partners} から購入しています。',
  },
  'scenario.3.none': {
    en: 'No partner in managedBy: nobody else manages these subscriptions.',
    ja: 'managedBy にパートナーがありません。ほかに管理しているパートナーはいません。',
  },
  'scenario.3.valid': {
    en: '"{partner}" ({region}) may manage it: same CSP region as the customer.',
    ja: '「{partner}」({region}) は顧客と同じ CSP リージョンなので管理できます。',
  },
  'scenario.4.none': {
    en: '"{partner}" has no own-use tenant in the manifest (no customer names it as owner).',
    ja: '「{partner}」の自社利用テナントはマニフェストにありません (owner にこのパートナーを指定した顧客がありません)。',
  },
  'scenario.4.nobody': {
    en: 'No customer names an owner: there are no own-use purchases to check.',
    ja: 'owner を指定した顧客がありません。確認する自社利用の購入はありません。',
  },
  'scenario.4.a': {
    en: 'Option A: "{customer}" is the Azure Partner Shared Services tenant.',
    ja: 'オプション A: 「{customer}」は共有サービス テナント (Azure Partner Shared Services) です。',
  },
  'scenario.4.b': {
    en: 'Option B: "{customer}" is a separate tenant bought through an unaffiliated partner.',
    ja: 'オプション B: 「{customer}」は、関連組織ではないパートナーから購入する別のテナントです。',
  },
  'scenario.manifest': {
    en: 'The manifest',
    ja: 'マニフェスト',
  },
  'scenario.5.none': {
    en: 'No partner sells to itself or to an affiliate.',
    ja: '自社や関連組織に販売しているパートナーはありません。',
  },
  'scenario.6.none': {
    en: "Every sale is within the customer's CSP region.",
    ja: 'すべての販売が顧客の CSP リージョン内で行われています。',
  },
  'scenario.7.none': {
    en: 'Every relationship with an indirect provider is within one CSP region.',
    ja: '間接プロバイダーとの関係はすべて 1 つの CSP リージョン内にあります。',
  },
  'scenario.shared-services': {
    en: 'shared services',
    ja: '共有サービス',
  },
  'scenario.verdict.supported': {
    en: 'supported',
    ja: 'サポートされています',
  },
  'scenario.verdict.not-supported': {
    en: 'not supported',
    ja: 'サポートされていません',
  },
  'scenario.verdict.not-applicable': {
    en: 'not applicable',
    ja: '該当なし',
  },
  'scenario.report.title': {
    en: 'CSP scenario checks: {file}',
    ja: 'CSP シナリオ チェック: {file}',
  },
  'scenario.report.rules': {
    en: 'Rules',
    ja: 'ルール',
  },
  'scenario.report.lines': {
    en: 'Lines',
    ja: '行',
  },
  'scenario.report.summary': {
    en: '{supported} supported, {notSupported} not supported, {notApplicable} not applicable',
    ja: 'サポート {supported} 件、非サポート {notSupported} 件、該当なし {notApplicable} 件',
  },
  'scenario.unknown-customer': {
    en: 'No customer "{id}" in this manifest.',
    ja: 'このマニフェストに顧客「{id}」はありません。',
  },
  'scenario.unknown-partner': {
    en: 'No partner "{id}" in this manifest.',
    ja: 'このマニフェストにパートナー「{id}」はありません。',
  },
  'scenario.3.no-region': {
    en: '"{entity}" has no known CSP region (its country is missing or not a CSP market), so the region check cannot be made.',
    ja: '「{entity}」の CSP リージョンが不明なため (country がないか CSP マーケットではありません)、CSP リージョンを確認できません。',
  },

  // Scenario report
  'scenario.report.empty': {
    en: 'Nothing to check here.',
    ja: '確認する項目はありません。',
  },
  'scenario.report.yaml-errors': {
    en: 'The manifest has YAML syntax errors: these answers see only what could be read. Fix the errors first.',
    ja: 'マニフェストに YAML 構文エラーがあります。この回答は読み取れた部分だけに基づいています。先にエラーを修正してください。',
  },
  'scenario.not-open': {
    en: 'This manifest is not open in the CSP Partners language server.',
    ja: 'このマニフェストは CSP パートナー言語サーバーで開かれていません。',
  },
} as const satisfies Record<string, Entry>;
