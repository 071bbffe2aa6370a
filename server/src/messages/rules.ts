import type { Entry } from './entry';

/**
 * The rules' words, rule by rule: its title (documentation, SARIF rule descriptions, settings), its summary
 * (the rule index of docs/rules/README.md) and what its findings say; then the words findings share.
 */
export const ruleMessages = {
  // yaml-syntax
  'title.yaml-syntax': {
    en: 'The text is valid YAML: one document, spaces for indentation, unique keys, defined aliases, merges of mappings.',
    ja: 'テキストが正しい YAML であること (ドキュメントは 1 つ、インデントはスペース、キーは一意、エイリアスは定義済み、マージ (<<) の対象はマッピング)。',
  },
  'summary.yaml-syntax': {
    en: [
      'The text is not valid YAML (tabs, duplicate keys, several documents, undefined aliases, unclosed quotes or brackets, too-deep ',
      'nesting); nothing else is checked until it is.',
    ],
    ja: 'テキストが正しい YAML ではありません (タブ、重複したキー、複数のドキュメント、未定義のエイリアス、閉じられていない引用符や括弧、深すぎる入れ子)。正しくなるまでほかのチェックは行われません。',
  },
  'yaml-syntax': {
    en: 'YAML syntax error: {detail}',
    ja: 'YAML 構文エラー: {detail}',
  },
  'yaml-syntax.tab': {
    en: 'Tabs are not allowed in YAML indentation; indent with spaces.',
    ja: 'YAML のインデントにタブは使えません。スペースでインデントしてください。',
  },
  'yaml-syntax.duplicate-key': {
    en: 'The key {key} appears twice in the same mapping; keep only one.',
    ja: 'キー {key} が同じマッピングに 2 回あります。1 つだけにしてください。',
  },
  'yaml-syntax.multiple-documents': {
    en: 'A manifest holds one YAML document; remove this second document (---).',
    ja: 'マニフェストに書ける YAML ドキュメントは 1 つです。この 2 つ目のドキュメント (---) を削除してください。',
  },
  'yaml-syntax.complex-key': {
    en: 'A key must be a plain value, not a list or a mapping: a manifest cannot hold this key.',
    ja: 'キーには単純な値を書きます。リストやマッピングはキーにできません。',
  },
  'yaml-syntax.unresolved-alias': {
    en: 'Alias *{alias} names no anchor &{alias} defined before it.',
    ja: 'エイリアス *{alias} に対応するアンカー &{alias} がそれより前にありません。',
  },
  'yaml-syntax.merge-source': {
    en: 'A merge key (<<) takes a mapping, an alias of one, or a list of them; this is not a mapping.',
    ja: 'マージ キー (<<) に指定できるのは、マッピング、マッピングのエイリアス、またはそれらのリストです。これはマッピングではありません。',
  },
  'yaml-syntax.merge-cycle': {
    en: 'This merge names a mapping that contains it; a mapping cannot merge itself.',
    ja: 'このマージが指しているのは、このマージ自身を含むマッピングです。マッピングは自分自身をマージできません。',
  },
  'yaml-syntax.too-deep': {
    en: 'The YAML is nested too deeply to read; a manifest needs only a few levels.',
    ja: 'YAML の入れ子が深すぎて読み取れません。マニフェストに必要な階層はわずかです。',
  },
  'yaml-syntax.unclosed': {
    en: 'This {opener} is never closed.',
    ja: 'この {opener} が閉じられていません。',
  },
  'yaml-syntax.too-many': {
    en: '{count} more YAML errors are not shown; fix the ones above first.',
    ja: 'ほかに {count} 件の YAML エラーがあります。まず上のエラーを直してください。',
  },
  // schema
  'title.schema': {
    en: 'The manifest follows the csp-partners JSON Schema.',
    ja: 'マニフェストが csp-partners の JSON スキーマに従っていること。',
  },
  'summary.schema': {
    en: [
      'The manifest does not follow the JSON Schema: missing or unknown keys, values outside the allowed lists, malformed ids, ',
      'tenants, dates.',
    ],
    ja: 'マニフェストが JSON スキーマに従っていません (必須キーの不足や不明なキー、使える値の一覧にない値、形式の正しくない ID・テナント・日付)。',
  },
  'schema.root-not-mapping': {
    en: 'The manifest must be a mapping with manifestVersion, partners and customers.',
    ja: 'マニフェストは manifestVersion、partners、customers を持つマッピングでなければなりません。',
  },
  'schema.unreadable': {
    en: 'This entry cannot be read: {detail}',
    ja: 'このエントリーを読み取れません: {detail}',
  },
  'schema.unreadable-value': {
    en: 'This value cannot be read: {detail}',
    ja: 'この値を読み取れません: {detail}',
  },
  'schema.too-many-aliases': {
    en: 'Through aliases this value grows by more than {limit} values (an alias bomb?), so it is not read.',
    ja: 'この値はエイリアスによって {limit} 個を超える値に広がるため (エイリアス爆弾の可能性)、読み取りません。',
  },
  'schema.required': {
    en: 'Missing required property: {property}.',
    ja: '必須プロパティがありません: {property}。',
  },
  'schema.unknown-key': {
    en: 'Unknown property "{property}". Allowed: {allowed}, or your own keys starting with "x-".',
    ja: '不明なプロパティ「{property}」です。使えるのは {allowed}、または「x-」で始まる独自のキーです。',
  },
  'schema.enum': {
    en: '"{value}" is not a valid {property}. Allowed values: {allowed}.',
    ja: '「{value}」は {property} として使えません。使える値: {allowed}。',
  },
  'schema.const': {
    en: '"{property}" must be {allowed}.',
    ja: '「{property}」は {allowed} でなければなりません。',
  },
  'schema.type.string': {
    en: '"{property}" must be a text value.',
    ja: '「{property}」は文字列でなければなりません。',
  },
  'schema.type.boolean': {
    en: '"{property}" must be true or false.',
    ja: '「{property}」は true か false でなければなりません。',
  },
  'schema.type.integer': {
    en: '"{property}" must be a whole number.',
    ja: '「{property}」は整数でなければなりません。',
  },
  'schema.type.number': {
    en: '"{property}" must be a number.',
    ja: '「{property}」は数値でなければなりません。',
  },
  'schema.type.null': {
    en: '"{property}" must be empty.',
    ja: '「{property}」は空でなければなりません。',
  },
  'schema.type.list': {
    en: '"{property}" must be a list.',
    ja: '「{property}」はリストでなければなりません。',
  },
  'schema.type.mapping': {
    en: '"{property}" must be a mapping of keys to values.',
    ja: '「{property}」はキーと値のマッピングでなければなりません。',
  },
  'schema.type.partner-id': {
    en: '"{property}" must be the location PartnerID, digits only.',
    ja: '「{property}」はロケーション PartnerID (数字のみ) でなければなりません。',
  },
  'schema.date': {
    en: '"{value}" is not a date; write {property} as YYYY-MM-DD, for example 2025-03-01.',
    ja: '「{value}」は日付ではありません。{property} は YYYY-MM-DD (例: 2025-03-01) で書いてください。',
  },
  'schema.pattern.id': {
    en: '"{value}" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit.',
    ja: '「{value}」は ID として使えません。英数字と「.」「_」「-」を使い、英数字で始めてください。',
  },
  'schema.pattern.tenant': {
    en: '"{value}" is not a tenant: write its domain (contoso.onmicrosoft.com) or its GUID.',
    ja: '「{value}」はテナントではありません。ドメイン (contoso.onmicrosoft.com) か GUID で書いてください。',
  },
  'schema.pattern.country': {
    en: '"{value}" is not a country code: write the two-letter ISO 3166-1 code, for example DE.',
    ja: '「{value}」は国コードではありません。ISO 3166-1 の 2 文字コード (例: DE) で書いてください。',
  },
  'schema.pattern.partner-id': {
    en: '"{value}" is not a PartnerID: the location PartnerID is digits only.',
    ja: '「{value}」は PartnerID ではありません。ロケーション PartnerID は数字のみです。',
  },
  'schema.empty': {
    en: '"{property}" must not be empty.',
    ja: '「{property}」を空にはできません。',
  },
  'schema.other': {
    en: '"{property}": {detail}',
    ja: '「{property}」: {detail}',
  },
  // duplicate-id
  'title.duplicate-id': {
    en: 'Ids are unique: partners and customers share one namespace; subscription ids are unique per customer.',
    ja: 'ID が一意であること (パートナーと顧客で共通、サブスクリプションは顧客ごと)。',
  },
  'summary.duplicate-id': {
    en: 'An id is declared twice (partners and customers share one namespace; subscription ids are per customer).',
    ja: 'ID が 2 回宣言されています (パートナーと顧客で ID は共通、サブスクリプション ID は顧客ごと)。',
  },
  'duplicate-id': {
    en: 'The id "{id}" is already used by {otherKind} "{id}" (line {line}); ids must be unique among all partners and customers.',
    ja: 'ID「{id}」は {line} 行目の{otherKind}「{id}」ですでに使われています。ID はパートナーと顧客全体で一意でなければなりません。',
  },
  'duplicate-id.subscription': {
    en: 'Customer "{customer}" already has a subscription "{id}" (line {line}); subscription ids must be unique within a customer.',
    ja: '顧客「{customer}」にはすでにサブスクリプション「{id}」があります ({line} 行目)。サブスクリプション ID は顧客内で一意でなければなりません。',
  },
  'duplicate-id.related': {
    en: 'First declared here',
    ja: '最初の宣言',
  },
  // unknown-reference
  'title.unknown-reference': {
    en: 'Every soldBy, provider, providers, managedBy and owner names a partner of the manifest.',
    ja: 'soldBy、provider、providers、managedBy、owner がマニフェスト内のパートナーを指していること。',
  },
  'summary.unknown-reference': {
    en: '`soldBy`, `provider`, `providers`, `managedBy` or `owner` names no entry of the manifest.',
    ja: '`soldBy`、`provider`、`providers`、`managedBy`、`owner` がマニフェストのどのエントリーも指していません。',
  },
  'unknown-reference': {
    en: '{field} "{id}" names no partner in this manifest.',
    ja: '{field} の「{id}」に該当するパートナーがこのマニフェストにありません。',
  },
  // reference-kind
  'title.reference-kind': {
    en: 'References name the right kind: providers are indirect providers, sellers are partners.',
    ja: '参照先の種類が正しいこと (provider は間接プロバイダー、販売者はパートナー)。',
  },
  'summary.reference-kind': {
    en: 'A reference names the wrong kind: a provider that is not a distributor, or a customer where a partner is needed.',
    ja: '参照先の種類が誤っています (間接プロバイダーではない provider、またはパートナーが必要な箇所の顧客)。',
  },
  'reference-kind.provider': {
    en: '{field} "{id}" is {actual}, not an indirect provider; {field} must name an indirect provider (distributor).',
    ja: '{field} の「{id}」は{actual}で、間接プロバイダーではありません。{field} には間接プロバイダー (ディストリビューター) を指定してください。',
  },
  'reference-kind.partner': {
    en: '{field} "{id}" is a customer; {field} must name a partner.',
    ja: '{field} の「{id}」は顧客です。{field} にはパートナーを指定してください。',
  },
  'reference-kind.related': {
    en: '"{id}" is declared here',
    ja: '「{id}」の宣言',
  },
  // providers-not-reseller
  'title.providers-not-reseller': {
    en: 'Only indirect resellers list providers.',
    ja: 'providers を記述しているのが間接リセラーだけであること。',
  },
  'summary.providers-not-reseller': {
    en: 'A direct-bill partner or an indirect provider has a `providers` list, which only indirect resellers have.',
    ja: '直接請求パートナーまたは間接プロバイダーに `providers` があります (`providers` を持つのは間接リセラーだけです)。',
  },
  'providers-not-reseller': {
    en: [
      'Partner "{partner}" is {actual}: only indirect resellers list providers (the indirect providers they work with); ',
      'remove providers.',
    ],
    ja: 'パートナー「{partner}」は{actual}です。providers (連携する間接プロバイダー) を記述できるのは間接リセラーだけです。providers を削除してください。',
  },
  'providers-not-reseller.related': {
    en: 'Type of "{partner}"',
    ja: '「{partner}」の種類',
  },
  // unknown-country
  'title.unknown-country': {
    en: 'Every country is a CSP market.',
    ja: 'country が CSP マーケットであること。',
  },
  'summary.unknown-country': {
    en: '`country` is not a CSP market (`UK` instead of `GB`, `CN`, lower case, unknown code).',
    ja: '`country` が CSP マーケットではありません (`GB` ではなく `UK`、`CN`、小文字、不明なコード)。',
  },
  'unknown-country': {
    en: '"{code}" is not a CSP market in the region table.',
    ja: '「{code}」は CSP リージョン表にある CSP マーケットではありません。',
  },
  'unknown-country.alias': {
    en: '"{code}" is not an ISO 3166-1 code; the code of this market ({name}) is "{alias}".',
    ja: '「{code}」は ISO 3166-1 のコードではありません。このマーケット ({name}) のコードは「{alias}」です。',
  },
  'unknown-country.case': {
    en: 'Country codes are written in capitals: "{alias}" ({name}).',
    ja: '国コードは大文字で書きます: 「{alias}」({name})。',
  },
  'unknown-country.21vianet': {
    en: '"{code}" is not a CSP market: China is served by a separate program, Partner Center operated by 21Vianet.',
    ja: '「{code}」は CSP マーケットではありません。中国は別のプログラム (21Vianet が運営するパートナー センター) の対象です。',
  },
  'unknown-country.no-market': {
    en: '"{code}" is not a CSP market: Microsoft lists it in no CSP region.',
    ja: '「{code}」は CSP マーケットではありません。Microsoft はこの国をどの CSP リージョンにも含めていません。',
  },
  // region-mismatch
  'title.region-mismatch': {
    en: 'A given region equals the CSP region of the country.',
    ja: '指定された region が country の CSP リージョンと一致すること。',
  },
  'summary.region-mismatch': {
    en: 'A written `region` differs from the CSP region of `country`.',
    ja: '記述された `region` が `country` の CSP リージョンと異なります。',
  },
  'region-mismatch': {
    en: '"{entity}" is in {country} ({countryName}), which is in CSP region "{derived}", not "{given}".',
    ja: '「{entity}」の国 {country} ({countryName}) は CSP リージョン「{derived}」に属し、「{given}」ではありません。',
  },
  // duplicate-partner-id
  'title.duplicate-partner-id': {
    en: 'No two partners share a location PartnerID.',
    ja: '2 つのパートナーが同じロケーション PartnerID を使っていないこと。',
  },
  'summary.duplicate-partner-id': {
    en: 'Two partners share a location PartnerID.',
    ja: '2 つのパートナーが同じロケーション PartnerID を使っています。',
  },
  'duplicate-partner-id': {
    en: 'PartnerID {partnerId} is also used by partner "{other}"; a location PartnerID belongs to exactly one CSP tenant.',
    ja: 'PartnerID {partnerId} はパートナー「{other}」でも使われています。ロケーション PartnerID は 1 つの CSP テナントにだけ対応します。',
  },
  'duplicate-partner-id.related': {
    en: 'PartnerID {partnerId} of "{other}"',
    ja: '「{other}」の PartnerID {partnerId}',
  },
  // duplicate-partner-tenant
  'title.duplicate-partner-tenant': {
    en: 'No two partners share a CSP tenant.',
    ja: '2 つのパートナーが同じ CSP テナントを使っていないこと。',
  },
  'summary.duplicate-partner-tenant': {
    en: 'Two partners share a CSP tenant (info, not a warning, for a direct-bill partner and an indirect reseller: a re-enrolled tenant).',
    ja: '2 つのパートナーが同じ CSP テナントを使っています (直接請求パートナーと間接リセラーの組は再登録したテナントなので、警告ではなく情報)。',
  },
  'duplicate-partner-tenant': {
    en: 'CSP tenant "{tenant}" is also used by partner "{other}"; one CSP tenant is one partner account in one CSP region.',
    ja: 'CSP テナント「{tenant}」はパートナー「{other}」でも使われています。1 つの CSP テナントは、1 つの CSP リージョンの 1 つのパートナー アカウントです。',
  },
  'duplicate-partner-tenant.reenrolled': {
    en: [
      'CSP tenant "{tenant}" is also used by partner "{other}": ',
      'a direct-bill partner and an indirect reseller on one tenant is the re-enrolment of a restricted direct-bill tenant; ',
      'check it is intended.',
    ],
    ja: 'CSP テナント「{tenant}」はパートナー「{other}」でも使われています。1 つのテナント上の直接請求パートナーと間接リセラーは、制限付き直接請求テナントの再登録にあたります。意図したものか確認してください。',
  },
  'duplicate-partner-tenant.related': {
    en: 'Tenant of "{other}"',
    ja: '「{other}」のテナント',
  },
  // market-status-unverified
  'title.market-status-unverified': {
    en: 'Flags markets whose CSP status after 2022 is not verified (Russia, Belarus).',
    ja: '2022 年以降の CSP の状況が未確認のマーケット (ロシア、ベラルーシ) を知らせる。',
  },
  'summary.market-status-unverified': {
    en: '`country` is Russia or Belarus, whose CSP status after 2022 is not verified.',
    ja: '`country` がロシアまたはベラルーシで、2022 年以降の CSP の状況が確認されていません。',
  },
  'market-status-unverified': {
    en: [
      '{country} ({countryName}): the status of this CSP market after 2022 is not verified (Microsoft suspended new sales in Russia ',
      'in March 2022); check that it is still transactable.',
    ],
    ja: '{country} ({countryName}): 2022 年以降のこの CSP マーケットの状況は確認されていません (Microsoft は 2022 年 3 月にロシアでの新規販売を停止しました)。まだ取引できるか確認してください。',
  },
  // mpa-not-accepted
  'title.mpa-not-accepted': {
    en: 'Every partner that transacts has accepted the Microsoft Partner Agreement.',
    ja: '取引するパートナーが Microsoft Partner Agreement (MPA) に同意していること。',
  },
  'summary.mpa-not-accepted': {
    en: 'A partner that transacts has not recorded its acceptance of the Microsoft Partner Agreement.',
    ja: '取引するパートナーが Microsoft Partner Agreement (MPA) への同意を記録していません。',
  },
  'mpa-not-accepted': {
    en: [
      'Partner "{partner}" transacts, but {state}: a partner that transacts must have accepted the Microsoft Partner Agreement (MPA), ',
      'and orders through a partner without it are blocked.',
    ],
    ja: [
      'パートナー「{partner}」は取引していますが、{state}。取引するパートナーは Microsoft Partner Agreement (MPA) に同意している必要があり、',
      '同意していないパートナー経由の注文はブロックされます。',
    ],
  },
  'mpa-not-accepted.no-mpa': {
    en: 'its entry has no mpa',
    ja: 'mpa の記述がありません',
  },
  'mpa-not-accepted.no-accepted': {
    en: 'its mpa has no accepted',
    ja: 'mpa に accepted がありません',
  },
  'mpa-not-accepted.false': {
    en: 'its mpa says accepted: false',
    ja: 'mpa の accepted が false です',
  },
  'mpa-not-accepted.related': {
    en: '"{partner}" transacts here',
    ja: '「{partner}」の取引',
  },
  // mpa-after-order
  'title.mpa-after-order': {
    en: 'Subscriptions are ordered after their seller and indirect provider accepted the MPA.',
    ja: 'サブスクリプションの注文日が、販売者と間接プロバイダーが MPA に同意した日以降であること。',
  },
  'summary.mpa-after-order': {
    en: [
      'A subscription was ordered before its seller or distributor accepted the MPA: an error when the seller is an indirect reseller, ',
      'else a warning.',
    ],
    ja: 'サブスクリプションが、販売者または間接プロバイダーの MPA への同意より前に注文されています。販売者が間接リセラーならエラー、それ以外は警告です。',
  },
  'mpa-after-order': {
    en: [
      'Indirect reseller "{partner}" accepted the MPA on {acceptedOn}, after subscription "{subscription}" was ordered on {orderedOn}; ',
      'an indirect reseller must accept the MPA before its PartnerID is associated with an order.',
    ],
    ja: [
      '間接リセラー「{partner}」が MPA に同意したのは {acceptedOn} で、サブスクリプション「{subscription}」の注文日 {orderedOn} より後です。',
      '間接リセラーは、PartnerID が注文に関連付けられる前に MPA に同意している必要があります。',
    ],
  },
  'mpa-after-order.other': {
    en: [
      '"{partner}" ({role}) accepted the MPA on {acceptedOn}, after subscription "{subscription}" was ordered on {orderedOn}; ',
      'every partner that transacts must have accepted the MPA.',
    ],
    ja: [
      '「{partner}」({role}) が MPA に同意したのは {acceptedOn} で、サブスクリプション「{subscription}」の注文日 {orderedOn} より後です。',
      '取引するパートナーはすべて MPA に同意している必要があります。',
    ],
  },
  'mpa-after-order.related': {
    en: 'MPA accepted on {acceptedOn}',
    ja: 'MPA 同意日 {acceptedOn}',
  },
  // reseller-onboarding-incomplete
  'title.reseller-onboarding-incomplete': {
    en: 'Transacting indirect resellers are Microsoft AI Cloud Partner Program members enrolled as indirect resellers.',
    ja: '取引する間接リセラーが Microsoft AI Cloud パートナー プログラムに参加し、間接リセラーとして登録されていること。',
  },
  'summary.reseller-onboarding-incomplete': {
    en: [
      'A transacting indirect reseller has not confirmed its Microsoft AI Cloud Partner Program membership and its enrollment as an ',
      'indirect reseller.',
    ],
    ja: '取引する間接リセラーが、Microsoft AI Cloud パートナー プログラムへの参加と間接リセラーとしての登録を確認していません。',
  },
  'reseller-onboarding-incomplete': {
    en: [
      'Indirect reseller "{partner}" transacts but has not confirmed {missing}; ',
      'it must be a Microsoft AI Cloud Partner Program member enrolled as an indirect reseller before new business.',
    ],
    ja: [
      '間接リセラー「{partner}」は取引していますが、{missing} が確認されていません。',
      '新規の取引の前に、Microsoft AI Cloud パートナー プログラムに参加し、間接リセラーとして登録されている必要があります。',
    ],
  },
  // direct-bill-requirements
  'title.direct-bill-requirements': {
    en: 'Transacting direct-bill partners meet the three direct-bill requirements.',
    ja: '取引する直接請求パートナーが直接請求パートナーの 3 つの要件を満たしていること。',
  },
  'summary.direct-bill-requirements': {
    en: 'A transacting direct-bill partner has not confirmed all three direct-bill requirements.',
    ja: '取引する直接請求パートナーが、直接請求パートナーの 3 つの要件の一部を確認していません。',
  },
  'direct-bill-requirements': {
    en: [
      'Direct-bill partner "{partner}" transacts but has not confirmed {missing}; ',
      'to transact as a direct-bill partner it must meet every direct-bill requirement.',
    ],
    ja: [
      '直接請求パートナー「{partner}」は取引していますが、{missing} が確認されていません。',
      '直接請求パートナーとして取引するには、直接請求パートナーの要件をすべて満たしている必要があります。',
    ],
  },
  // reseller-needs-provider
  'title.reseller-needs-provider': {
    en: 'A subscription sold by an indirect reseller names its indirect provider.',
    ja: '間接リセラーが販売するサブスクリプションに間接プロバイダーが指定されていること。',
  },
  'summary.reseller-needs-provider': {
    en: "An indirect reseller's sale names no distributor.",
    ja: '間接リセラーの販売に間接プロバイダーが指定されていません。',
  },
  'reseller-needs-provider': {
    en: [
      'Subscription "{subscription}" is sold by indirect reseller "{reseller}" but names no provider; ',
      'an indirect reseller buys through an indirect provider.',
    ],
    ja: [
      'サブスクリプション「{subscription}」の販売者は間接リセラー「{reseller}」ですが、provider (間接プロバイダー) がありません。',
      '間接リセラーは間接プロバイダーを通じて購入します。',
    ],
  },
  // provider-not-linked
  'title.provider-not-linked': {
    en: "A subscription's provider is one of its indirect reseller's providers.",
    ja: 'サブスクリプションの provider が、販売する間接リセラーの providers にあること。',
  },
  'summary.provider-not-linked': {
    en: "The sale's distributor is not one of the indirect reseller's `providers`.",
    ja: '販売の間接プロバイダーが間接リセラーの `providers` にありません。',
  },
  'provider-not-linked': {
    en: [
      '"{provider}" is not among the providers of indirect reseller "{reseller}"; the two transact together only after they have ',
      'a partnership in Partner Center (the indirect provider sends a partnership request, the indirect reseller accepts it).',
    ],
    ja: [
      '「{provider}」は間接リセラー「{reseller}」の providers にありません。両者が取引できるのは、パートナー センターでパートナーシップを確立した後です',
      ' (間接プロバイダーがパートナーシップの要求を送り、間接リセラーが承諾します)。',
    ],
  },
  'provider-not-linked.related': {
    en: 'Providers of "{reseller}"',
    ja: '「{reseller}」の providers',
  },
  // provider-sells-direct
  'title.provider-sells-direct': {
    en: 'Indirect providers sell through indirect resellers, not directly to customers.',
    ja: '間接プロバイダーは顧客に直接ではなく間接リセラーを通じて販売すること。',
  },
  'summary.provider-sells-direct': {
    en: 'A distributor is written as the seller instead of an indirect reseller (inferred rule).',
    ja: '間接リセラーではなく間接プロバイダーが販売者として書かれています (推定したルール)。',
  },
  'provider-sells-direct': {
    en: [
      '"{provider}" is an indirect provider: it sells through indirect resellers, ',
      'and the indirect reseller is the partner of record for subscription "{subscription}".',
    ],
    ja: [
      '「{provider}」は間接プロバイダーです。間接プロバイダーは間接リセラーを通じて販売し、',
      'サブスクリプション「{subscription}」の Partner of Record は間接リセラーになります。',
    ],
  },
  // direct-bill-has-provider
  'title.direct-bill-has-provider': {
    en: 'Subscriptions sold by direct-bill partners have no provider.',
    ja: '直接請求パートナーが販売するサブスクリプションに provider がないこと。',
  },
  'summary.direct-bill-has-provider': {
    en: "A direct-bill partner's sale names a distributor.",
    ja: '直接請求パートナーの販売に間接プロバイダーが指定されています。',
  },
  'direct-bill-has-provider': {
    en: [
      'Subscription "{subscription}" is sold by direct-bill partner "{partner}", ',
      'which buys from Microsoft directly and takes no provider; remove "{provider}".',
    ],
    ja: [
      'サブスクリプション「{subscription}」の販売者は直接請求パートナー「{partner}」です。',
      '直接請求パートナーは Microsoft から直接購入するので、間接プロバイダーは入りません。provider「{provider}」を削除してください。',
    ],
  },
  // sold-to-partner-tenant
  'title.sold-to-partner-tenant': {
    en: "No customer is on a partner's CSP tenant (a partner's own use has a tenant of its own).",
    ja: '顧客のテナントがパートナーの CSP テナントではないこと (パートナーの自社利用には別のテナントを使う)。',
  },
  'summary.sold-to-partner-tenant': {
    en: [
      "A customer uses the CSP tenant of a partner that does not own it: another partner's, ",
      "or the seller's own (own use without `owner`).",
    ],
    ja: '顧客が、owner ではないパートナーの CSP テナントを使っています (ほかのパートナーの CSP テナント、または owner のない自社利用で販売者自身の CSP テナント)。',
  },
  'sold-to-partner-tenant': {
    en: [
      'Customer "{customer}" uses tenant "{tenant}", the CSP tenant of partner "{partner}"; ',
      "a CSP partner cannot resell to another partner's CSP tenant, and own use needs a separate tenant.",
    ],
    ja: [
      '顧客「{customer}」のテナント「{tenant}」は、パートナー「{partner}」の CSP テナントです。',
      'CSP パートナーは別の CSP パートナーの CSP テナントに再販できません。自社利用には別のテナントが必要です。',
    ],
  },
  'sold-to-partner-tenant.own': {
    en: [
      'Customer "{customer}" uses tenant "{tenant}", the CSP tenant of "{partner}", which sells it subscription "{subscription}": ',
      'a partner cannot sell to itself, and what it buys for its own use goes to a separate tenant (a customer with owner: {partner}) ',
      'bought through a partner it is not affiliated with, or, for Azure, to its Azure Partner Shared Services tenant.',
    ],
    ja: [
      '顧客「{customer}」のテナント「{tenant}」は、この顧客にサブスクリプション「{subscription}」を販売している「{partner}」自身の CSP テナントです。',
      'パートナーは自社に販売できません。自社利用のサービスは、関連組織ではないパートナーから別のテナント (owner: {partner} の顧客) に購入するか、',
      'Azure であれば共有サービス テナント (Azure Partner Shared Services) に購入します。',
    ],
  },
  'sold-to-partner-tenant.seller': {
    en: '"{partner}" sells subscription "{subscription}" here',
    ja: '「{partner}」によるサブスクリプション「{subscription}」の販売',
  },
  'sold-to-partner-tenant.related': {
    en: 'CSP tenant of "{partner}"',
    ja: '「{partner}」の CSP テナント',
  },
  // cross-region-sale
  'title.cross-region-sale': {
    en: "Seller and indirect provider are in the customer's CSP region.",
    ja: '販売者と間接プロバイダーが顧客と同じ CSP リージョンにあること。',
  },
  'summary.cross-region-sale': {
    en: 'The seller or distributor is in another CSP region than the customer.',
    ja: '販売者または間接プロバイダーが顧客とは別の CSP リージョンにいます。',
  },
  'cross-region-sale': {
    en: [
      '"{partner}" is in CSP region "{partnerRegion}" ({partnerCountry}) but customer "{customer}" is in "{customerRegion}" ',
      '({customerCountry}); a partner sells only to customers of its own CSP region.',
    ],
    ja: [
      '「{partner}」の CSP リージョンは「{partnerRegion}」({partnerCountry}) ですが、顧客「{customer}」の CSP リージョンは「{customerRegion}」({customerCountry}) です。',
      'パートナーが販売できるのは、同じ CSP リージョンの顧客だけです。',
    ],
  },
  // cross-region-relationship
  'title.cross-region-relationship': {
    en: 'A partner and the indirect providers it lists are in the same CSP region.',
    ja: 'パートナーと、その providers にある間接プロバイダーが同じ CSP リージョンにあること。',
  },
  'summary.cross-region-relationship': {
    en: 'A partner (a reseller, or any partner while it has a `providers` list) lists a distributor of another CSP region.',
    ja: 'パートナー (間接リセラー、または `providers` が残っているほかのパートナー) の providers に、別の CSP リージョンの間接プロバイダーがあります。',
  },
  'cross-region-relationship': {
    en: [
      'Indirect reseller "{reseller}" ({resellerRegion}) lists indirect provider "{provider}" of CSP region "{providerRegion}"; ',
      'an indirect reseller and its indirect providers must be in the same CSP region.',
    ],
    ja: [
      '間接リセラー「{reseller}」({resellerRegion}) の providers にある間接プロバイダー「{provider}」の CSP リージョンは「{providerRegion}」です。',
      '間接リセラーと間接プロバイダーは同じ CSP リージョンにある必要があります。',
    ],
  },
  'cross-region-relationship.partner': {
    en: [
      'Partner "{partner}" ({partnerRegion}) lists indirect provider "{provider}" of CSP region "{providerRegion}"; ',
      'a partner works only with partners of its own CSP region.',
    ],
    ja: [
      'パートナー「{partner}」({partnerRegion}) の providers にある間接プロバイダー「{provider}」の CSP リージョンは「{providerRegion}」です。',
      'パートナーが関係を確立できるのは、同じ CSP リージョンのパートナーとだけです。',
    ],
  },
  // cross-region-management
  'title.cross-region-management': {
    en: "Partners in managedBy are in the customer's CSP region.",
    ja: 'managedBy のパートナーが顧客と同じ CSP リージョンにあること。',
  },
  'summary.cross-region-management': {
    en: 'A partner in `managedBy` is in another CSP region than the customer.',
    ja: '`managedBy` のパートナーが顧客とは別の CSP リージョンにいます。',
  },
  'cross-region-management': {
    en: [
      '"{partner}" ({partnerRegion}) manages subscription "{subscription}" of customer "{customer}" in CSP region ',
      '"{customerRegion}"; customers accept relationship requests only from partners of their CSP region.',
    ],
    ja: [
      '「{partner}」({partnerRegion}) は、CSP リージョン「{customerRegion}」の顧客「{customer}」のサブスクリプション「{subscription}」を管理しています。',
      '顧客が関係の要求を承諾できるのは、同じ CSP リージョンのパートナーからの要求だけです。',
    ],
  },
  // self-sale
  'title.self-sale': {
    en: 'No partner sells to itself or to an affiliate.',
    ja: 'パートナーが自社や関連組織に販売していないこと。',
  },
  'summary.self-sale': {
    en: 'A partner sells to its own tenant or to an affiliate.',
    ja: 'パートナーが自社のテナントまたは関連組織に販売しています。',
  },
  'self-sale.owner': {
    en: [
      '"{partner}" sells subscription "{subscription}" to "{customer}", its own tenant; ',
      'CSP partners may not sell to themselves: buy through an unaffiliated partner (for Azure, ',
      'the Azure Partner Shared Services tenant is the other way).',
    ],
    ja: [
      '「{partner}」は自社のテナント「{customer}」にサブスクリプション「{subscription}」を販売しています。CSP パートナーは自社に販売できません。',
      '関連組織ではないパートナーから購入してください (Azure であれば共有サービス テナントも使えます)。',
    ],
  },
  'self-sale.affiliate': {
    en: [
      '"{partner}" sells subscription "{subscription}" to "{customer}", an affiliate (organization "{organization}"); ',
      'CSP partners may not sell to affiliates.',
    ],
    ja: [
      '「{partner}」は関連組織「{customer}」(organization「{organization}」) にサブスクリプション「{subscription}」を販売しています。',
      'CSP パートナーは関連組織に販売できません。',
    ],
  },
  'self-sale.provider-owner': {
    en: [
      'Indirect provider "{partner}" supplies subscription "{subscription}" for "{customer}", its own tenant; ',
      'CSP partners may not sell to themselves.',
    ],
    ja: '間接プロバイダー「{partner}」が自社のテナント「{customer}」向けのサブスクリプション「{subscription}」を供給しています。CSP パートナーは自社に販売できません。',
  },
  'self-sale.provider-affiliate': {
    en: [
      'Indirect provider "{partner}" supplies subscription "{subscription}" for "{customer}", ',
      'an affiliate (organization "{organization}"); CSP partners may not sell to affiliates.',
    ],
    ja: [
      '間接プロバイダー「{partner}」が関連組織「{customer}」(organization「{organization}」) 向けのサブスクリプション「{subscription}」を供給しています。',
      'CSP パートナーは関連組織に販売できません。',
    ],
  },
  // shared-services-misuse
  'title.shared-services-misuse': {
    en: 'An Azure Partner Shared Services tenant has an owner and holds only Microsoft Azure bought by it.',
    ja: '共有サービス テナント (Azure Partner Shared Services) に所有者があり、所有者が購入した Microsoft Azure だけがあること。',
  },
  'summary.shared-services-misuse': {
    en: [
      'An Azure Partner Shared Services tenant has no owner, holds something other than Microsoft Azure, or is sold by another ',
      'partner.',
    ],
    ja: '共有サービス テナント (Azure Partner Shared Services) に所有者がない、Microsoft Azure 以外のものがある、またはほかのパートナーが販売しています。',
  },
  'shared-services-misuse.no-owner': {
    en: [
      'Customer "{customer}" is marked sharedServices but names no owner; a partner creates its Azure Partner Shared Services tenant ',
      'in Partner Center for its own use: name that partner in owner.',
    ],
    ja: [
      '顧客「{customer}」は sharedServices: true ですが、owner がありません。共有サービス テナントは、パートナーが自社で使うためにパートナー センターで作成するテナントです。',
      'owner にそのパートナーを指定してください。',
    ],
  },
  'shared-services-misuse.no-owner-seller': {
    en: [
      'Customer "{customer}" is marked sharedServices but names no owner; a partner creates its Azure Partner Shared Services tenant ',
      'in Partner Center for its own use: if this is the one of "{partner}", which sells subscription "{subscription}" here, ',
      'write owner: {partner}.',
    ],
    ja: [
      '顧客「{customer}」は sharedServices: true ですが、owner がありません。共有サービス テナントは、パートナーが自社で使うためにパートナー センターで作成するテナントです。',
      'サブスクリプション「{subscription}」を販売している「{partner}」の共有サービス テナントであれば、owner: {partner} と記述してください。',
    ],
  },
  'shared-services-misuse.kind': {
    en: 'Subscription "{subscription}" ({kind}) is in the Azure Partner Shared Services tenant of "{owner}", which can hold only Azure.',
    ja: 'サブスクリプション「{subscription}」({kind}) は「{owner}」の共有サービス テナントにありますが、共有サービス テナントに置けるのは Azure だけです。',
  },
  'shared-services-misuse.publisher': {
    en: [
      'Subscription "{subscription}" is a third-party offer in the Azure Partner Shared Services tenant of "{owner}", ',
      'which can hold only Microsoft Azure.',
    ],
    ja: 'サブスクリプション「{subscription}」はサードパーティのオファーですが、「{owner}」の共有サービス テナントに置けるのは Microsoft Azure だけです。',
  },
  'shared-services-misuse.seller': {
    en: [
      'Subscription "{subscription}" in the Azure Partner Shared Services tenant of "{owner}" is sold by "{partner}"; ',
      'only the owner buys for its shared services tenant.',
    ],
    ja: '「{owner}」の共有サービス テナントにあるサブスクリプション「{subscription}」を「{partner}」が販売しています。共有サービス テナントの購入は所有者だけが行います。',
  },
  // shared-services-duplicate
  'title.shared-services-duplicate': {
    en: 'A partner owns at most one shared services tenant.',
    ja: 'パートナーが所有する共有サービス テナントは 1 つまでであること。',
  },
  'summary.shared-services-duplicate': {
    en: 'A partner owns more than one shared services tenant (inferred rule).',
    ja: 'パートナーが複数の共有サービス テナントを所有しています (推定したルール)。',
  },
  'shared-services-duplicate': {
    en: 'Partner "{owner}" already has a shared services tenant ("{first}"); Partner Center creates one per partner account.',
    ja: 'パートナー「{owner}」にはすでに共有サービス テナント (「{first}」) があります。パートナー センターが作成する共有サービス テナントは、パートナー アカウントごとに 1 つです。',
  },
  'shared-services-duplicate.related': {
    en: 'First shared services tenant of "{owner}"',
    ja: '「{owner}」の最初の共有サービス テナント',
  },
  // own-use-tenant
  'title.own-use-tenant': {
    en: "Own-use customers use a tenant separate from the owner's CSP tenant.",
    ja: '自社利用の顧客が所有者の CSP テナントとは別のテナントを使っていること。',
  },
  'summary.own-use-tenant': {
    en: "A partner's own-use or shared services tenant is its CSP tenant.",
    ja: 'パートナーの自社利用テナントまたは共有サービス テナントがその CSP テナントです。',
  },
  'own-use-tenant': {
    en: [
      'Customer "{customer}" is owned by "{owner}" but uses its CSP tenant "{tenant}"; ',
      'own-use purchases go to a separate customer tenant, never the CSP tenant.',
    ],
    ja: [
      '顧客「{customer}」は「{owner}」の自社利用の顧客ですが、テナントに所有者自身の CSP テナント「{tenant}」を使っています。',
      '自社利用で購入するサービスは CSP テナントには入れられません。別の顧客テナントを使ってください。',
    ],
  },
  'own-use-tenant.related': {
    en: 'CSP tenant of "{owner}"',
    ja: '「{owner}」の CSP テナント',
  },
  // unused-suppression
  'title.unused-suppression': {
    en: 'Every suppression comment silences a finding.',
    ja: '抑制コメントがいずれかの指摘を抑制していること。',
  },
  'summary.unused-suppression': {
    en: 'A `# csp-disable…` comment silences nothing.',
    ja: '`# csp-disable…` コメントが何も抑制していません。',
  },
  'unused-suppression': {
    en: 'Unused suppression: no {rule} finding on the next line.',
    ja: '使われていない抑制: 次の行に {rule} の指摘はありません。',
  },
  'unused-suppression.any': {
    en: 'Unused suppression: no finding on the next line.',
    ja: '使われていない抑制: 次の行に指摘はありません。',
  },
  'unused-suppression.any-file': {
    en: 'Unused suppression: no finding in this file.',
    ja: '使われていない抑制: このファイルに指摘はありません。',
  },
  'unused-suppression.file': {
    en: 'Unused suppression: no {rule} finding in this file.',
    ja: '使われていない抑制: このファイルに {rule} の指摘はありません。',
  },
  'unused-suppression.unknown-rule': {
    en: 'Unknown rule id "{rule}" in a suppression comment.',
    ja: '抑制コメントのルール ID「{rule}」は存在しません。',
  },
  'unused-suppression.not-at-top': {
    en: '"# csp-disable" only takes effect at the top of the file, before any content; use "# csp-disable-next-line" here.',
    ja: '「# csp-disable」はファイルの先頭 (内容より前) でのみ有効です。ここでは「# csp-disable-next-line」を使ってください。',
  },
  // Words the findings share: kinds, partner types, roles, a region note, and where a merged value comes in
  // Any finding on a value merged into its entry (`<<: *defaults`): where the entry merges it.
  'merge.via': {
    en: 'Merged into this entry here.',
    ja: 'この値はここでこのエントリーにマージされています。',
  },
  'kind.partner': {
    en: 'partner',
    ja: 'パートナー',
  },
  'kind.customer': {
    en: 'customer',
    ja: '顧客',
  },
  'type.indirect-provider': {
    en: 'an indirect provider',
    ja: '間接プロバイダー',
  },
  'type.indirect-reseller': {
    en: 'an indirect reseller',
    ja: '間接リセラー',
  },
  'type.direct-bill': {
    en: 'a direct-bill partner',
    ja: '直接請求パートナー',
  },
  'type.customer': {
    en: 'a customer',
    ja: '顧客',
  },
  'type.unknown': {
    en: 'a partner of unknown type',
    ja: '種類不明のパートナー',
  },
  'role.soldBy': {
    en: 'seller',
    ja: '販売者',
  },
  'role.provider': {
    en: 'indirect provider',
    ja: '間接プロバイダー',
  },
  'region.related': {
    en: '"{entity}" is in {country} ({region})',
    ja: '「{entity}」は {country} にあります (CSP リージョン {region})',
  },
} as const satisfies Record<string, Entry>;
