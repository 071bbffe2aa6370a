import type { Entry } from './entry';

/** Rule titles (documentation, SARIF rule descriptions) and summaries (the rule index). */
export const rulePageMessages = {
  // Rule titles (documentation, SARIF rule descriptions)
  'title.yaml-syntax': {
    en: 'The text is valid YAML: one document, spaces for indentation, unique keys, defined aliases, merges of mappings.',
    ja: 'テキストが正しい YAML であること (ドキュメントは 1 つ、インデントはスペース、キーは一意、エイリアスは定義済み、マージ (<<) の対象はマッピング)。',
  },
  'title.schema': {
    en: 'The manifest follows the csp-partners JSON Schema.',
    ja: 'マニフェストが csp-partners の JSON スキーマに従っていること。',
  },
  'title.duplicate-id': {
    en: 'Ids are unique: partners and customers share one namespace; subscription ids are unique per customer.',
    ja: 'ID が一意であること (パートナーと顧客で共通、サブスクリプションは顧客ごと)。',
  },
  'title.unknown-reference': {
    en: 'Every soldBy, provider, providers, managedBy and owner names a partner of the manifest.',
    ja: 'soldBy、provider、providers、managedBy、owner がマニフェスト内のパートナーを指していること。',
  },
  'title.reference-kind': {
    en: 'References name the right kind: providers are indirect providers, sellers are partners.',
    ja: '参照先の種類が正しいこと (provider は間接プロバイダー、販売者はパートナー)。',
  },
  'title.providers-not-reseller': {
    en: 'Only indirect resellers list providers.',
    ja: 'providers を記述しているのが間接リセラーだけであること。',
  },
  'title.unknown-country': {
    en: 'Every country is a CSP market.',
    ja: 'country が CSP マーケットであること。',
  },
  'title.region-mismatch': {
    en: 'A given region equals the CSP region of the country.',
    ja: '指定された region が country の CSP リージョンと一致すること。',
  },
  'title.duplicate-partner-id': {
    en: 'No two partners share a location PartnerID.',
    ja: '2 つのパートナーが同じロケーション PartnerID を使っていないこと。',
  },
  'title.duplicate-partner-tenant': {
    en: 'No two partners share a CSP tenant.',
    ja: '2 つのパートナーが同じ CSP テナントを使っていないこと。',
  },
  'title.market-status-unverified': {
    en: 'Flags markets whose CSP status after 2022 is not verified (Russia, Belarus).',
    ja: '2022 年以降の CSP の状況が未確認のマーケット (ロシア、ベラルーシ) を知らせる。',
  },
  'title.mpa-not-accepted': {
    en: 'Every partner that transacts has accepted the Microsoft Partner Agreement.',
    ja: '取引するパートナーが Microsoft Partner Agreement (MPA) に同意していること。',
  },
  'title.mpa-after-order': {
    en: 'Subscriptions are ordered after their seller and indirect provider accepted the MPA.',
    ja: 'サブスクリプションの注文日が、販売者と間接プロバイダーが MPA に同意した日以降であること。',
  },
  'title.reseller-onboarding-incomplete': {
    en: 'Transacting indirect resellers are Microsoft AI Cloud Partner Program members enrolled as indirect resellers.',
    ja: '取引する間接リセラーが Microsoft AI Cloud パートナー プログラムに参加し、間接リセラーとして登録されていること。',
  },
  'title.direct-bill-requirements': {
    en: 'Transacting direct-bill partners meet the three direct-bill requirements.',
    ja: '取引する直接請求パートナーが直接請求パートナーの 3 つの要件を満たしていること。',
  },
  'title.reseller-needs-provider': {
    en: 'A subscription sold by an indirect reseller names its indirect provider.',
    ja: '間接リセラーが販売するサブスクリプションに間接プロバイダーが指定されていること。',
  },
  'title.provider-not-linked': {
    en: "A subscription's provider is one of its indirect reseller's providers.",
    ja: 'サブスクリプションの provider が、販売する間接リセラーの providers にあること。',
  },
  'title.provider-sells-direct': {
    en: 'Indirect providers sell through indirect resellers, not directly to customers.',
    ja: '間接プロバイダーは顧客に直接ではなく間接リセラーを通じて販売すること。',
  },
  'title.direct-bill-has-provider': {
    en: 'Subscriptions sold by direct-bill partners have no provider.',
    ja: '直接請求パートナーが販売するサブスクリプションに provider がないこと。',
  },
  'title.sold-to-partner-tenant': {
    en: "No customer is on a partner's CSP tenant (a partner's own use has a tenant of its own).",
    ja: '顧客のテナントがパートナーの CSP テナントではないこと (パートナーの自社利用には別のテナントを使う)。',
  },
  'title.cross-region-sale': {
    en: "Seller and indirect provider are in the customer's CSP region.",
    ja: '販売者と間接プロバイダーが顧客と同じ CSP リージョンにあること。',
  },
  'title.cross-region-relationship': {
    en: 'A partner and the indirect providers it lists are in the same CSP region.',
    ja: 'パートナーと、その providers にある間接プロバイダーが同じ CSP リージョンにあること。',
  },
  'title.cross-region-management': {
    en: "Partners in managedBy are in the customer's CSP region.",
    ja: 'managedBy のパートナーが顧客と同じ CSP リージョンにあること。',
  },
  'title.self-sale': {
    en: 'No partner sells to itself or to an affiliate.',
    ja: 'パートナーが自社や関連組織に販売していないこと。',
  },
  'title.shared-services-misuse': {
    en: 'An Azure Partner Shared Services tenant has an owner and holds only Microsoft Azure bought by it.',
    ja: '共有サービス テナント (Azure Partner Shared Services) に所有者があり、所有者が購入した Microsoft Azure だけがあること。',
  },
  'title.shared-services-duplicate': {
    en: 'A partner owns at most one shared services tenant.',
    ja: 'パートナーが所有する共有サービス テナントは 1 つまでであること。',
  },
  'title.own-use-tenant': {
    en: "Own-use customers use a tenant separate from the owner's CSP tenant.",
    ja: '自社利用の顧客が所有者の CSP テナントとは別のテナントを使っていること。',
  },
  'title.unused-suppression': {
    en: 'Every suppression comment silences a finding.',
    ja: '抑制コメントがいずれかの指摘を抑制していること。',
  },

  // Rule summaries: what a finding means, in Markdown (the rule index of docs/rules/README.md)
  'summary.yaml-syntax': {
    en: [
      'The text is not valid YAML (tabs, duplicate keys, several documents, undefined aliases, unclosed quotes or brackets, too-deep ',
      'nesting); nothing else is checked until it is.',
    ],
    ja: 'テキストが正しい YAML ではありません (タブ、重複したキー、複数のドキュメント、未定義のエイリアス、閉じられていない引用符や括弧、深すぎる入れ子)。正しくなるまでほかのチェックは行われません。',
  },
  'summary.schema': {
    en: [
      'The manifest does not follow the JSON Schema: missing or unknown keys, values outside the allowed lists, malformed ids, ',
      'tenants, dates.',
    ],
    ja: 'マニフェストが JSON スキーマに従っていません (必須キーの不足や不明なキー、使える値の一覧にない値、形式の正しくない ID・テナント・日付)。',
  },
  'summary.duplicate-id': {
    en: 'An id is declared twice (partners and customers share one namespace; subscription ids are per customer).',
    ja: 'ID が 2 回宣言されています (パートナーと顧客で ID は共通、サブスクリプション ID は顧客ごと)。',
  },
  'summary.unknown-reference': {
    en: '`soldBy`, `provider`, `providers`, `managedBy` or `owner` names no entry of the manifest.',
    ja: '`soldBy`、`provider`、`providers`、`managedBy`、`owner` がマニフェストのどのエントリーも指していません。',
  },
  'summary.reference-kind': {
    en: 'A reference names the wrong kind: a provider that is not a distributor, or a customer where a partner is needed.',
    ja: '参照先の種類が誤っています (間接プロバイダーではない provider、またはパートナーが必要な箇所の顧客)。',
  },
  'summary.providers-not-reseller': {
    en: 'A direct-bill partner or an indirect provider has a `providers` list, which only indirect resellers have.',
    ja: '直接請求パートナーまたは間接プロバイダーに `providers` があります (`providers` を持つのは間接リセラーだけです)。',
  },
  'summary.unknown-country': {
    en: '`country` is not a CSP market (`UK` instead of `GB`, `CN`, lower case, unknown code).',
    ja: '`country` が CSP マーケットではありません (`GB` ではなく `UK`、`CN`、小文字、不明なコード)。',
  },
  'summary.region-mismatch': {
    en: 'A written `region` differs from the CSP region of `country`.',
    ja: '記述された `region` が `country` の CSP リージョンと異なります。',
  },
  'summary.duplicate-partner-id': {
    en: 'Two partners share a location PartnerID.',
    ja: '2 つのパートナーが同じロケーション PartnerID を使っています。',
  },
  'summary.duplicate-partner-tenant': {
    en: 'Two partners share a CSP tenant (info, not a warning, for a direct-bill partner and an indirect reseller: a re-enrolled tenant).',
    ja: '2 つのパートナーが同じ CSP テナントを使っています (直接請求パートナーと間接リセラーの組は再登録したテナントなので、警告ではなく情報)。',
  },
  'summary.market-status-unverified': {
    en: '`country` is Russia or Belarus, whose CSP status after 2022 is not verified.',
    ja: '`country` がロシアまたはベラルーシで、2022 年以降の CSP の状況が確認されていません。',
  },
  'summary.mpa-not-accepted': {
    en: 'A partner that transacts has not recorded its acceptance of the Microsoft Partner Agreement.',
    ja: '取引するパートナーが Microsoft Partner Agreement (MPA) への同意を記録していません。',
  },
  'summary.mpa-after-order': {
    en: [
      'A subscription was ordered before its seller or distributor accepted the MPA: an error when the seller is an indirect reseller, ',
      'else a warning.',
    ],
    ja: 'サブスクリプションが、販売者または間接プロバイダーの MPA への同意より前に注文されています。販売者が間接リセラーならエラー、それ以外は警告です。',
  },
  'summary.reseller-onboarding-incomplete': {
    en: [
      'A transacting indirect reseller has not confirmed its Microsoft AI Cloud Partner Program membership and its enrollment as an ',
      'indirect reseller.',
    ],
    ja: '取引する間接リセラーが、Microsoft AI Cloud パートナー プログラムへの参加と間接リセラーとしての登録を確認していません。',
  },
  'summary.direct-bill-requirements': {
    en: 'A transacting direct-bill partner has not confirmed all three direct-bill requirements.',
    ja: '取引する直接請求パートナーが、直接請求パートナーの 3 つの要件の一部を確認していません。',
  },
  'summary.reseller-needs-provider': {
    en: "An indirect reseller's sale names no distributor.",
    ja: '間接リセラーの販売に間接プロバイダーが指定されていません。',
  },
  'summary.provider-not-linked': {
    en: "The sale's distributor is not one of the indirect reseller's `providers`.",
    ja: '販売の間接プロバイダーが間接リセラーの `providers` にありません。',
  },
  'summary.provider-sells-direct': {
    en: 'A distributor is written as the seller instead of an indirect reseller (inferred rule).',
    ja: '間接リセラーではなく間接プロバイダーが販売者として書かれています (推定したルール)。',
  },
  'summary.direct-bill-has-provider': {
    en: "A direct-bill partner's sale names a distributor.",
    ja: '直接請求パートナーの販売に間接プロバイダーが指定されています。',
  },
  'summary.sold-to-partner-tenant': {
    en: [
      "A customer uses the CSP tenant of a partner that does not own it: another partner's, ",
      "or the seller's own (own use without `owner`).",
    ],
    ja: '顧客が、owner ではないパートナーの CSP テナントを使っています (ほかのパートナーの CSP テナント、または owner のない自社利用で販売者自身の CSP テナント)。',
  },
  'summary.cross-region-sale': {
    en: 'The seller or distributor is in another CSP region than the customer.',
    ja: '販売者または間接プロバイダーが顧客とは別の CSP リージョンにいます。',
  },
  'summary.cross-region-relationship': {
    en: 'A partner (a reseller, or any partner while it has a `providers` list) lists a distributor of another CSP region.',
    ja: 'パートナー (間接リセラー、または `providers` が残っているほかのパートナー) の providers に、別の CSP リージョンの間接プロバイダーがあります。',
  },
  'summary.cross-region-management': {
    en: 'A partner in `managedBy` is in another CSP region than the customer.',
    ja: '`managedBy` のパートナーが顧客とは別の CSP リージョンにいます。',
  },
  'summary.self-sale': {
    en: 'A partner sells to its own tenant or to an affiliate.',
    ja: 'パートナーが自社のテナントまたは関連組織に販売しています。',
  },
  'summary.shared-services-misuse': {
    en: [
      'An Azure Partner Shared Services tenant has no owner, holds something other than Microsoft Azure, or is sold by another ',
      'partner.',
    ],
    ja: '共有サービス テナント (Azure Partner Shared Services) に所有者がない、Microsoft Azure 以外のものがある、またはほかのパートナーが販売しています。',
  },
  'summary.shared-services-duplicate': {
    en: 'A partner owns more than one shared services tenant (inferred rule).',
    ja: 'パートナーが複数の共有サービス テナントを所有しています (推定したルール)。',
  },
  'summary.own-use-tenant': {
    en: "A partner's own-use or shared services tenant is its CSP tenant.",
    ja: 'パートナーの自社利用テナントまたは共有サービス テナントがその CSP テナントです。',
  },
  'summary.unused-suppression': {
    en: 'A `# csp-disable…` comment silences nothing.',
    ja: '`# csp-disable…` コメントが何も抑制していません。',
  },
} as const satisfies Record<string, Entry>;
