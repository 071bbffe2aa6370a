import type { Entry } from './entry';

/** The language server: rename, code lenses, completion and hover. */
export const languageServerMessages = {
  // Language server
  'lsp.baselined': {
    en: '{message} (in the baseline)',
    ja: '{message} (ベースラインに記録済み)',
  },
  'lsp.baseline-unreadable': {
    en: 'csp-partners: cannot read the baseline {path} ({detail}); every finding is shown.',
    ja: 'csp-partners: ベースライン {path} を読み取れません ({detail})。すべての検出を表示します。',
  },
  'lsp.baseline-bad': {
    en: 'csp-partners: {path} is not a baseline ({detail}); every finding is shown.',
    ja: 'csp-partners: {path} はベースラインではありません ({detail})。すべての検出を表示します。',
  },
  'lsp.rename-not-id': {
    en: 'Only the id of a partner or a customer can be renamed here.',
    ja: 'ここで名前を変更できるのはパートナーまたは顧客の ID だけです。',
  },
  'lsp.rename-invalid': {
    en: '"{value}" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit.',
    ja: '「{value}」は ID として使えません。英数字と「.」「_」「-」を使い、英数字で始めてください。',
  },
  'lsp.rename-taken': {
    en: 'The id "{value}" is already used in this manifest.',
    ja: 'ID「{value}」はこのマニフェストですでに使われています。',
  },
  'lsp.rename-breaks': {
    en: 'Renaming "{value}" here would break the YAML: correct how the id is written first.',
    ja: 'ここで「{value}」の名前を変更すると YAML が壊れます。先に ID の書き方を直してください。',
  },
  'lsp.lens': {
    en: '{activity} · {customers} · {region}',
    ja: '{activity} · {customers} · CSP リージョン {region}',
  },
  'lsp.lens.sells.one': {
    en: 'sells 1 subscription',
    ja: '1 件のサブスクリプションを販売',
  },
  'lsp.lens.sells.other': {
    en: 'sells {n} subscriptions',
    ja: '{n} 件のサブスクリプションを販売',
  },
  'lsp.lens.provides.one': {
    en: 'provides 1 subscription',
    ja: '1 件のサブスクリプションを提供',
  },
  'lsp.lens.provides.other': {
    en: 'provides {n} subscriptions',
    ja: '{n} 件のサブスクリプションを提供',
  },
  'lsp.lens.customers.one': {
    en: '1 customer',
    ja: '顧客 1 社',
  },
  'lsp.lens.customers.other': {
    en: '{n} customers',
    ja: '顧客 {n} 社',
  },

  // Completion and hover
  'lsp.value.id': {
    en: 'id',
    ja: 'ID (識別子)',
  },
  'lsp.value.partner-id': {
    en: 'partner id',
    ja: 'パートナー ID',
  },
  'lsp.value.partner-ids': {
    en: 'partner ids',
    ja: 'パートナー ID のリスト',
  },
  'lsp.value.text': {
    en: 'text',
    ja: '文字列',
  },
  'lsp.value.boolean': {
    en: 'true or false',
    ja: 'true または false',
  },
  'lsp.value.date': {
    en: 'date, YYYY-MM-DD',
    ja: '日付 (YYYY-MM-DD)',
  },
  'lsp.value.tenant': {
    en: 'tenant domain or GUID',
    ja: 'テナントのドメインまたは GUID',
  },
  'lsp.value.country': {
    en: 'CSP market code',
    ja: 'CSP マーケットのコード',
  },
  'lsp.value.region': {
    en: 'CSP region',
    ja: 'CSP リージョン',
  },
  'lsp.value.partner-number': {
    en: 'location PartnerID, digits',
    ja: 'ロケーション PartnerID (数字)',
  },
  'lsp.value.mapping': {
    en: 'mapping',
    ja: 'マッピング',
  },
  'lsp.value.list': {
    en: 'list',
    ja: 'リスト',
  },
  'lsp.completion.required': {
    en: '{detail} · required',
    ja: '{detail} · 必須',
  },
  'lsp.completion.default': {
    en: 'default',
    ja: '既定値',
  },
  'lsp.completion.derived-region': {
    en: 'region of {country}',
    ja: '{country} の CSP リージョン',
  },
  'lsp.completion.merged': {
    en: 'merged from *{anchor}',
    ja: '*{anchor} からマージ',
  },
  'lsp.completion.merged-override': {
    en: 'Merged from `*{anchor}` (line {line}): writing it here overrides the merged value.',
    ja: '`*{anchor}` ({line} 行目) からマージされています。ここに書くと、マージされた値より優先されます。',
  },
  'lsp.completion.anchor': {
    en: 'Anchor `&{anchor}`, line {line}',
    ja: '{line} 行目のアンカー `&{anchor}`',
  },
  // Snippets: a whole new entry
  'lsp.snippet.indirect-provider': {
    en: 'New indirect provider (distributor)',
    ja: '新しい間接プロバイダー (ディストリビューター)',
  },
  'lsp.snippet.indirect-reseller': {
    en: 'New indirect reseller',
    ja: '新しい間接リセラー',
  },
  'lsp.snippet.direct-bill': {
    en: 'New direct-bill partner',
    ja: '新しい直接請求パートナー',
  },
  'lsp.snippet.customer': {
    en: 'New customer with a subscription',
    ja: '新しい顧客 (サブスクリプション 1 件付き)',
  },
  'lsp.snippet.subscription-indirect': {
    en: 'New subscription through an indirect reseller',
    ja: '間接リセラー経由の新しいサブスクリプション',
  },
  'lsp.snippet.subscription-direct-bill': {
    en: 'New subscription from a direct-bill partner',
    ja: '直接請求パートナーからの新しいサブスクリプション',
  },
  'lsp.snippet.subscription': {
    en: 'New subscription',
    ja: '新しいサブスクリプション',
  },
  'lsp.snippet.detail': {
    en: 'whole entry',
    ja: 'エントリー全体',
  },
  'lsp.snippet.documentation': {
    en: [
      'Tab moves to the next value to fill in. Each suggested value is valid as it stands; ',
      'ids, partners and the country come from this manifest.',
    ],
    ja: [
      'Tab キーで次の入力箇所へ移動します。提案される値はそのままでも有効です。',
      'ID、パートナー、国はこのマニフェストから選ばれています。',
    ],
  },
  'lsp.snippet.name.indirect-provider': {
    en: 'New Distribution Ltd',
    ja: '新規ディストリビューター株式会社',
  },
  'lsp.snippet.name.indirect-reseller': {
    en: 'New Reseller Ltd',
    ja: '新規間接リセラー株式会社',
  },
  'lsp.snippet.name.direct-bill': {
    en: 'New Cloud Partner Ltd',
    ja: '新規クラウドパートナー株式会社',
  },
  'lsp.snippet.name.customer': {
    en: 'New Customer Ltd',
    ja: '新規顧客株式会社',
  },
  'lsp.hover.alias': {
    en: '`*{anchor}` names the value anchored `&{anchor}` on line {line}:',
    ja: '`*{anchor}` は {line} 行目のアンカー `&{anchor}` の値を指します:',
  },
  'lsp.hover.merge': {
    en: [
      '**Merge** (`<<`): the keys of the merged mappings are added to this mapping. ',
      'A key written in it overrides a merged one; with several sources, an earlier source wins.',
    ],
    ja: [
      '**マージ** (`<<`): マージしたマッピングのキーがこのマッピングに加わります。',
      'このマッピングに書いたキーはマージされたキーより優先され、マージ元が複数あるときは先に書いたものが優先されます。',
    ],
  },
  'lsp.hover.merge-source': {
    en: 'From `*{anchor}`: {keys}',
    ja: '`*{anchor}` から: {keys}',
  },
  'lsp.hover.merge-overridden': {
    en: 'Written here, overriding the merged value: {keys}',
    ja: 'ここに書かれ、マージされた値より優先: {keys}',
  },
  'lsp.hover.shared-block.one': {
    en: 'Shared block `&{anchor}`: merged into 1 entry ({places}).',
    ja: '共有ブロック `&{anchor}`: 1 件のエントリー ({places}) にマージされています。',
  },
  'lsp.hover.shared-block.other': {
    en: 'Shared block `&{anchor}`: merged into {count} entries ({places}).',
    ja: '共有ブロック `&{anchor}`: {count} 件のエントリー ({places}) にマージされています。',
  },
  'lsp.hover.type.indirect-provider': {
    en: 'Indirect provider',
    ja: '間接プロバイダー',
  },
  'lsp.hover.type.indirect-reseller': {
    en: 'Indirect reseller',
    ja: '間接リセラー',
  },
  'lsp.hover.type.direct-bill': {
    en: 'Direct-bill partner',
    ja: '直接請求パートナー',
  },
  'lsp.hover.type.unknown': {
    en: 'Partner of unknown type',
    ja: '種類不明のパートナー',
  },
  'lsp.hover.customer': {
    en: 'Customer',
    ja: '顧客',
  },
  'lsp.hover.location': {
    en: '{country} ({countryName}) · CSP region {region}',
    ja: '{country} ({countryName}) · CSP リージョン {region}',
  },
  'lsp.hover.not-market': {
    en: '{country} · not a CSP market',
    ja: '{country} · CSP マーケットではありません',
  },
  'lsp.hover.no-country': {
    en: 'No country',
    ja: '国の指定なし',
  },
  'lsp.hover.mpa-accepted': {
    en: 'MPA accepted on {date}',
    ja: 'MPA 同意日 {date}',
  },
  'lsp.hover.mpa-accepted-undated': {
    en: 'MPA accepted (no date recorded)',
    ja: 'MPA に同意済み (日付の記録なし)',
  },
  'lsp.hover.mpa-not-accepted': {
    en: 'MPA not accepted',
    ja: 'MPA に未同意',
  },
  'lsp.hover.partner-usage': {
    en: 'Subscriptions sold: {sold} · provided: {provided} · customers: {customers}',
    ja: '販売したサブスクリプション: {sold} · 供給: {provided} · 顧客: {customers}',
  },
  'lsp.hover.resellers': {
    en: 'Linked indirect resellers: {count}',
    ja: 'パートナーシップのある間接リセラー: {count}',
  },
  'lsp.hover.subscriptions': {
    en: 'Subscriptions: {count}',
    ja: 'サブスクリプション: {count}',
  },
  'lsp.hover.findings': {
    en: 'Findings: {count}',
    ja: '指摘: {count}',
  },
  'lsp.hover.market': {
    en: 'CSP region {region} · currency {currency}',
    ja: 'CSP リージョン {region} · 通貨 {currency}',
  },
  'lsp.hover.market-no-currency': {
    en: 'CSP region {region} · no currency listed',
    ja: 'CSP リージョン {region} · 通貨の記載なし',
  },
  'lsp.hover.source': {
    en: 'Source: <{url}>',
    ja: '出典: <{url}>',
  },
} as const satisfies Record<string, Entry>;
