/**
 * The message catalogue: every user-facing string of the core, keyed by rule or fix id.
 * English first, Japanese right after it. Placeholders are `{name}`.
 */
export type Locale = 'en' | 'ja';
type Entry = { en: string; ja: string };

const catalogue = {
  // yaml-syntax
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

  // Structure
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
  'kind.partner': {
    en: 'partner',
    ja: 'パートナー',
  },
  'kind.customer': {
    en: 'customer',
    ja: '顧客',
  },
  'unknown-reference': {
    en: '{field} "{id}" names no partner in this manifest.',
    ja: '{field} の「{id}」に該当するパートナーがこのマニフェストにありません。',
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
    ja: '「{code}」は CSP マーケットではありません。中国は別のプログラム (21Vianet が運営する Partner Center) の対象です。',
  },
  'unknown-country.no-market': {
    en: '"{code}" is not a CSP market: Microsoft lists it in no CSP region.',
    ja: '「{code}」は CSP マーケットではありません。Microsoft はこの国をどの CSP リージョンにも含めていません。',
  },
  'region-mismatch': {
    en: '"{entity}" is in {country} ({countryName}), which is in CSP region "{derived}", not "{given}".',
    ja: '「{entity}」の国 {country} ({countryName}) は CSP リージョン「{derived}」に属し、「{given}」ではありません。',
  },
  'duplicate-partner-id': {
    en: 'PartnerID {partnerId} is also used by partner "{other}"; a location PartnerID belongs to exactly one CSP tenant.',
    ja: 'PartnerID {partnerId} はパートナー「{other}」でも使われています。ロケーション PartnerID は 1 つの CSP テナントにだけ対応します。',
  },
  'duplicate-partner-id.related': {
    en: 'PartnerID {partnerId} of "{other}"',
    ja: '「{other}」の PartnerID {partnerId}',
  },
  'duplicate-partner-tenant': {
    en: 'CSP tenant "{tenant}" is also used by partner "{other}"; one CSP tenant is one partner account in one region.',
    ja: 'CSP テナント「{tenant}」はパートナー「{other}」でも使われています。1 つの CSP テナントは 1 つのリージョンの 1 つのパートナー アカウントです。',
  },
  'duplicate-partner-tenant.reenrolled': {
    en:
      'CSP tenant "{tenant}" is also used by partner "{other}": ' +
      'a direct-bill partner and an indirect reseller on one tenant is the re-enrolment of a restricted direct-bill tenant; ' +
      'check it is intended.',
    ja: 'CSP テナント「{tenant}」はパートナー「{other}」でも使われています。1 つのテナント上の直接請求パートナーと間接リセラーは、制限付き直接請求テナントの再登録にあたります。意図したものか確認してください。',
  },
  'duplicate-partner-tenant.related': {
    en: 'Tenant of "{other}"',
    ja: '「{other}」のテナント',
  },
  'market-status-unverified': {
    en:
      '{country} ({countryName}): the status of this CSP market after 2022 is not verified (Microsoft suspended new sales in Russia ' +
      'in March 2022); check that it is still transactable.',
    ja: '{country} ({countryName}): 2022 年以降のこの CSP マーケットの状況は確認されていません (Microsoft は 2022 年 3 月にロシアでの新規販売を停止しました)。まだ取引できるか確認してください。',
  },

  // Program requirements
  'mpa-not-accepted': {
    en:
      'Partner "{partner}" transacts but has not accepted the Microsoft Partner Agreement (mpa.accepted: true); ' +
      'orders through it are blocked.',
    ja: 'パートナー「{partner}」は取引していますが、Microsoft パートナー契約 (MPA) に同意していません (mpa.accepted: true)。このパートナー経由の注文はブロックされます。',
  },
  'mpa-not-accepted.related': {
    en: '"{partner}" transacts here',
    ja: '「{partner}」の取引',
  },
  'mpa-after-order': {
    en:
      'Reseller "{partner}" accepted the MPA on {acceptedOn}, after subscription "{subscription}" was ordered on {orderedOn}; ' +
      'a reseller must accept the MPA before its PartnerID is associated with an order.',
    ja:
      'リセラー「{partner}」が MPA に同意したのは {acceptedOn} で、サブスクリプション「{subscription}」の注文日 {orderedOn} より後です。' +
      'リセラーは PartnerID が注文に関連付けられる前に MPA に同意しなければなりません。',
  },
  'mpa-after-order.other': {
    en:
      '"{partner}" ({role}) accepted the MPA on {acceptedOn}, after subscription "{subscription}" was ordered on {orderedOn}; ' +
      'every partner that transacts must have accepted the MPA.',
    ja:
      '「{partner}」({role}) が MPA に同意したのは {acceptedOn} で、サブスクリプション「{subscription}」の注文日 {orderedOn} より後です。' +
      '取引するパートナーはすべて MPA に同意している必要があります。',
  },
  'mpa-after-order.related': {
    en: 'MPA accepted on {acceptedOn}',
    ja: 'MPA 同意日 {acceptedOn}',
  },
  'role.soldBy': {
    en: 'seller',
    ja: '販売者',
  },
  'role.provider': {
    en: 'provider',
    ja: 'プロバイダー',
  },
  'reseller-onboarding-incomplete': {
    en:
      'Indirect reseller "{partner}" transacts but has not confirmed {missing}; ' +
      'it must be an AI Cloud Partner Program member enrolled as an indirect reseller before new business.',
    ja: '間接リセラー「{partner}」は取引していますが、{missing} が確認されていません。新規取引の前に AI Cloud Partner Program に参加し、間接リセラーとして登録されている必要があります。',
  },
  'direct-bill-requirements': {
    en:
      'Direct-bill partner "{partner}" transacts but has not confirmed {missing}; ' +
      'direct-bill partners must meet all direct-bill requirements.',
    ja: '直接請求パートナー「{partner}」は取引していますが、{missing} が確認されていません。直接請求パートナーはすべての要件を満たす必要があります。',
  },

  // Transaction paths
  'reseller-needs-provider': {
    en:
      'Subscription "{subscription}" is sold by indirect reseller "{reseller}" but names no provider; ' +
      'an indirect reseller buys through an indirect provider.',
    ja: 'サブスクリプション「{subscription}」は間接リセラー「{reseller}」が販売していますが、provider がありません。間接リセラーは間接プロバイダーを通じて購入します。',
  },
  'provider-not-linked': {
    en:
      '"{provider}" is not among the providers of reseller "{reseller}"; ' +
      'the two need a reseller relationship before they transact together.',
    ja: '「{provider}」はリセラー「{reseller}」の providers にありません。一緒に取引する前にリセラー関係が必要です。',
  },
  'provider-not-linked.related': {
    en: 'Providers of "{reseller}"',
    ja: '「{reseller}」の providers',
  },
  'provider-sells-direct': {
    en:
      '"{provider}" is an indirect provider: it sells through indirect resellers, ' +
      'and the reseller is the partner of record for subscription "{subscription}".',
    ja: '「{provider}」は間接プロバイダーです。間接リセラーを通じて販売し、サブスクリプション「{subscription}」の販売パートナー (Partner of Record) はリセラーになります。',
  },
  'direct-bill-has-provider': {
    en:
      'Subscription "{subscription}" is sold by direct-bill partner "{partner}", ' +
      'which buys from Microsoft directly and takes no provider; remove "{provider}".',
    ja: 'サブスクリプション「{subscription}」は直接請求パートナー「{partner}」が販売しており、Microsoft から直接購入します。provider「{provider}」は不要です。',
  },
  'sold-to-partner-tenant': {
    en:
      'Customer "{customer}" uses tenant "{tenant}", the CSP tenant of partner "{partner}"; ' +
      "a CSP partner cannot resell to another partner's CSP tenant, and own use needs a separate tenant.",
    ja: '顧客「{customer}」のテナント「{tenant}」はパートナー「{partner}」の CSP テナントです。CSP パートナーは他のパートナーの CSP テナントに再販できず、自社利用には別のテナントが必要です。',
  },
  'sold-to-partner-tenant.related': {
    en: 'CSP tenant of "{partner}"',
    ja: '「{partner}」の CSP テナント',
  },

  // Regions
  'cross-region-sale': {
    en:
      '"{partner}" is in CSP region "{partnerRegion}" ({partnerCountry}) but customer "{customer}" is in "{customerRegion}" ' +
      '({customerCountry}); a partner sells only to customers of its own region.',
    ja:
      '「{partner}」は CSP リージョン「{partnerRegion}」({partnerCountry}) ですが、顧客「{customer}」は「{customerRegion}」({customerCountry}) です。' +
      'パートナーは自分のリージョンの顧客にのみ販売できます。',
  },
  'cross-region-relationship': {
    en:
      'Reseller "{reseller}" ({resellerRegion}) lists provider "{provider}" in CSP region "{providerRegion}"; ' +
      'a reseller and its provider must be in the same CSP region.',
    ja: 'リセラー「{reseller}」({resellerRegion}) の providers にある「{provider}」は CSP リージョン「{providerRegion}」です。リセラーとプロバイダーは同じ CSP リージョンでなければなりません。',
  },
  'cross-region-management': {
    en:
      '"{partner}" ({partnerRegion}) manages subscription "{subscription}" of customer "{customer}" in CSP region ' +
      '"{customerRegion}"; customers accept relationships only from partners of their region.',
    ja:
      '「{partner}」({partnerRegion}) は CSP リージョン「{customerRegion}」の顧客「{customer}」のサブスクリプション「{subscription}」を管理しています。' +
      '顧客は自分のリージョンのパートナーからの関係のみ承認できます。',
  },
  'region.related': {
    en: '"{entity}" is in {country} ({region})',
    ja: '「{entity}」は {country} ({region})',
  },

  // Own use and self-sales
  'self-sale.owner': {
    en:
      '"{partner}" sells subscription "{subscription}" to "{customer}", its own tenant; ' +
      'CSP partners may not sell to themselves: buy through an unaffiliated partner (for Azure, ' +
      'the Azure Partner Shared Services tenant is the other way).',
    ja:
      '「{partner}」は自社のテナント「{customer}」にサブスクリプション「{subscription}」を販売しています。CSP パートナーは自社に販売できません。' +
      '関連のないパートナーから購入してください (Azure の場合は Azure Partner Shared Services テナントも使えます)。',
  },
  'self-sale.affiliate': {
    en:
      '"{partner}" sells subscription "{subscription}" to "{customer}", an affiliate (organization "{organization}"); ' +
      'CSP partners may not sell to affiliates.',
    ja: '「{partner}」は関連会社「{customer}」(organization「{organization}」) にサブスクリプション「{subscription}」を販売しています。CSP パートナーは関連会社に販売できません。',
  },
  'self-sale.provider-owner': {
    en:
      'Provider "{partner}" supplies subscription "{subscription}" for "{customer}", its own tenant; ' +
      'CSP partners may not sell to themselves.',
    ja: 'プロバイダー「{partner}」が自社のテナント「{customer}」向けのサブスクリプション「{subscription}」を供給しています。CSP パートナーは自社に販売できません。',
  },
  'self-sale.provider-affiliate': {
    en:
      'Provider "{partner}" supplies subscription "{subscription}" for "{customer}", an affiliate (organization "{organization}"); ' +
      'CSP partners may not sell to affiliates.',
    ja: 'プロバイダー「{partner}」が関連会社「{customer}」(organization「{organization}」) 向けのサブスクリプション「{subscription}」を供給しています。CSP パートナーは関連会社に販売できません。',
  },
  'shared-services-misuse.no-owner': {
    en: 'Customer "{customer}" is marked sharedServices but names no owner; an Azure Partner Shared Services tenant belongs to a partner.',
    ja: '顧客「{customer}」は sharedServices ですが owner がありません。Azure Partner Shared Services テナントはパートナーのものです。',
  },
  'shared-services-misuse.kind': {
    en: 'Subscription "{subscription}" ({kind}) is in the Azure Partner Shared Services tenant of "{owner}", which can hold only Azure.',
    ja: 'サブスクリプション「{subscription}」({kind}) は「{owner}」の Azure Partner Shared Services テナントにありますが、このテナントには Azure しか置けません。',
  },
  'shared-services-misuse.publisher': {
    en:
      'Subscription "{subscription}" is a third-party offer in the Azure Partner Shared Services tenant of "{owner}", ' +
      'which can hold only Microsoft Azure.',
    ja: 'サブスクリプション「{subscription}」はサードパーティのオファーですが、「{owner}」の Azure Partner Shared Services テナントには Microsoft Azure しか置けません。',
  },
  'shared-services-misuse.seller': {
    en:
      'Subscription "{subscription}" in the Azure Partner Shared Services tenant of "{owner}" is sold by "{partner}"; ' +
      'only the owner buys for its shared services tenant.',
    ja: '「{owner}」の Azure Partner Shared Services テナントのサブスクリプション「{subscription}」を「{partner}」が販売しています。共有サービス テナントの購入は所有者のみが行います。',
  },
  'shared-services-duplicate': {
    en: 'Partner "{owner}" already has a shared services tenant ("{first}"); Partner Center creates one per partner account.',
    ja: 'パートナー「{owner}」にはすでに共有サービス テナント (「{first}」) があります。Partner Center が作成するのはパートナー アカウントごとに 1 つです。',
  },
  'shared-services-duplicate.related': {
    en: 'First shared services tenant of "{owner}"',
    ja: '「{owner}」の最初の共有サービス テナント',
  },
  'own-use-tenant': {
    en:
      'Customer "{customer}" is owned by "{owner}" but uses its CSP tenant "{tenant}"; ' +
      'own-use purchases go to a separate customer tenant, never the CSP tenant.',
    ja: '顧客「{customer}」は「{owner}」の自社利用ですが、その CSP テナント「{tenant}」を使っています。自社利用の購入は CSP テナントではなく別の顧客テナントに行います。',
  },
  'own-use-tenant.related': {
    en: 'CSP tenant of "{owner}"',
    ja: '「{owner}」の CSP テナント',
  },

  // Suppressions
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

  // Quick fixes
  'fix.replace-value': {
    en: 'Change to "{value}"',
    ja: '「{value}」に変更',
  },
  'fix.rename-key': {
    en: 'Rename to "{value}"',
    ja: '「{value}」に名前を変更',
  },
  'fix.change-country': {
    en: 'Change to "{value}" ({name})',
    ja: '「{value}」({name}) に変更',
  },
  'fix.set-region': {
    en: 'Set region to "{value}"',
    ja: 'region を「{value}」に設定',
  },
  'fix.insert-mpa': {
    en: 'Record MPA acceptance (accepted: true, acceptedOn: {date})',
    ja: 'MPA への同意を記録 (accepted: true, acceptedOn: {date})',
  },
  'fix.insert-flags': {
    en: 'Confirm {flags}',
    ja: '{flags} を確認済みにする',
  },
  'fix.set-provider': {
    en: 'Set provider to "{value}"',
    ja: 'provider を「{value}」に設定',
  },
  'fix.link-provider': {
    en: 'Add "{provider}" to the providers of "{reseller}"',
    ja: '「{provider}」を「{reseller}」の providers に追加',
  },
  'fix.sell-through-reseller': {
    en: 'Sell through reseller "{value}"',
    ja: 'リセラー「{value}」経由で販売',
  },
  'fix.remove-provider': {
    en: 'Remove provider "{value}"',
    ja: 'provider「{value}」を削除',
  },
  'fix.sell-through': {
    en: 'Sell through "{value}"',
    ja: '「{value}」経由で販売',
  },
  'fix.remove-relationship': {
    en: 'Remove "{value}" from providers',
    ja: '「{value}」を providers から削除',
  },
  'fix.replace-relationship': {
    en: 'Replace with provider "{value}"',
    ja: 'プロバイダー「{value}」に置き換え',
  },
  'fix.remove-manager': {
    en: 'Remove "{value}" from managedBy',
    ja: '「{value}」を managedBy から削除',
  },
  'fix.buy-through': {
    en: 'Buy through "{value}"',
    ja: '「{value}」経由で購入',
  },
  'fix.use-shared-services': {
    en: 'Use Azure Partner Shared Services',
    ja: 'Azure Partner Shared Services を使う',
  },
  'fix.fix-all-rule': {
    en: 'Fix all {count} {rule} problems in this file',
    ja: 'このファイルの {rule} の問題 {count} 件をすべて修正',
  },
  'fix.fix-all': {
    en: 'Fix all csp-partners problems that have one safe fix',
    ja: '安全な修正が 1 つだけある csp-partners の問題をすべて修正',
  },
  'fix.suppress-line': {
    en: 'Suppress {rule} for this line',
    ja: 'この行の {rule} を抑制',
  },

  // Rule titles (documentation, SARIF rule descriptions)
  'title.yaml-syntax': {
    en: 'The text is valid YAML: one document, spaces for indentation, unique keys, defined aliases.',
    ja: 'テキストが正しい YAML であること (ドキュメントは 1 つ、インデントはスペース、キーは一意、エイリアスは定義済み)。',
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
    ja: '取引するパートナーが Microsoft パートナー契約に同意していること。',
  },
  'title.mpa-after-order': {
    en: 'Subscriptions are ordered after their seller and provider accepted the MPA.',
    ja: 'サブスクリプションの注文日が販売者とプロバイダーの MPA 同意日以降であること。',
  },
  'title.reseller-onboarding-incomplete': {
    en: 'Transacting indirect resellers are AI Cloud Partner Program members enrolled as indirect resellers.',
    ja: '取引する間接リセラーが AI Cloud Partner Program に参加し、間接リセラーとして登録されていること。',
  },
  'title.direct-bill-requirements': {
    en: 'Transacting direct-bill partners meet the three direct-bill requirements.',
    ja: '取引する直接請求パートナーが 3 つの要件を満たしていること。',
  },
  'title.reseller-needs-provider': {
    en: 'A subscription sold by an indirect reseller names its indirect provider.',
    ja: '間接リセラーが販売するサブスクリプションに間接プロバイダーが指定されていること。',
  },
  'title.provider-not-linked': {
    en: "A subscription's provider is one of its reseller's providers.",
    ja: 'サブスクリプションの provider がリセラーの providers に含まれていること。',
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
    en: "No customer uses another partner's CSP tenant.",
    ja: '顧客が他のパートナーの CSP テナントを使っていないこと。',
  },
  'title.cross-region-sale': {
    en: "Seller and provider are in the customer's CSP region.",
    ja: '販売者とプロバイダーが顧客と同じ CSP リージョンにいること。',
  },
  'title.cross-region-relationship': {
    en: 'A reseller and its providers are in the same CSP region.',
    ja: 'リセラーとそのプロバイダーが同じ CSP リージョンにいること。',
  },
  'title.cross-region-management': {
    en: "Partners in managedBy are in the customer's CSP region.",
    ja: 'managedBy のパートナーが顧客と同じ CSP リージョンにいること。',
  },
  'title.self-sale': {
    en: 'No partner sells to itself or to an affiliate.',
    ja: 'パートナーが自社や関連会社に販売していないこと。',
  },
  'title.shared-services-misuse': {
    en: 'An Azure Partner Shared Services tenant has an owner and holds only Microsoft Azure bought by it.',
    ja: 'Azure Partner Shared Services テナントに所有者があり、所有者が購入した Microsoft Azure だけがあること。',
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
    en:
      'The text is not valid YAML (tabs, duplicate keys, several documents, undefined aliases, unclosed quotes or brackets, too-deep ' +
      'nesting); nothing else is checked until it is.',
    ja: 'テキストが正しい YAML ではありません (タブ、重複したキー、複数のドキュメント、未定義のエイリアス、閉じられていない引用符や括弧、深すぎる入れ子)。正しくなるまでほかのチェックは行われません。',
  },
  'summary.schema': {
    en:
      'The manifest does not follow the JSON Schema: missing or unknown keys, values outside the allowed lists, malformed ids, ' +
      'tenants, dates.',
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
    ja: '取引するパートナーが Microsoft パートナー契約への同意を記録していません。',
  },
  'summary.mpa-after-order': {
    en:
      'A subscription was ordered before its seller or distributor accepted the MPA: an error when the seller is a reseller, else a ' +
      'warning.',
    ja: 'サブスクリプションが販売者または間接プロバイダーの MPA 同意より前に注文されています。販売者がリセラーならエラー、それ以外は警告です。',
  },
  'summary.reseller-onboarding-incomplete': {
    en: 'A transacting indirect reseller has not confirmed its AI Cloud Partner Program membership and reseller enrollment.',
    ja: '取引する間接リセラーが AI Cloud Partner Program への参加と間接リセラーとしての登録を確認していません。',
  },
  'summary.direct-bill-requirements': {
    en: 'A transacting direct-bill partner has not confirmed all three direct-bill requirements.',
    ja: '取引する直接請求パートナーが 3 つの要件をすべて確認していません。',
  },
  'summary.reseller-needs-provider': {
    en: "A reseller's sale names no distributor.",
    ja: 'リセラーの販売に間接プロバイダーが指定されていません。',
  },
  'summary.provider-not-linked': {
    en: "The sale's distributor is not one of the reseller's `providers`.",
    ja: '販売の間接プロバイダーがリセラーの `providers` に含まれていません。',
  },
  'summary.provider-sells-direct': {
    en: 'A distributor is written as the seller instead of a reseller (inferred rule).',
    ja: 'リセラーではなく間接プロバイダーが販売者として書かれています (推定したルール)。',
  },
  'summary.direct-bill-has-provider': {
    en: "A direct-bill partner's sale names a distributor.",
    ja: '直接請求パートナーの販売に間接プロバイダーが指定されています。',
  },
  'summary.sold-to-partner-tenant': {
    en: 'A customer uses the CSP tenant of a partner that does not own it.',
    ja: '顧客が、その顧客を所有していないパートナーの CSP テナントを使っています。',
  },
  'summary.cross-region-sale': {
    en: 'The seller or distributor is in another CSP region than the customer.',
    ja: '販売者または間接プロバイダーが顧客とは別の CSP リージョンにいます。',
  },
  'summary.cross-region-relationship': {
    en: 'A reseller works with a distributor of another CSP region.',
    ja: 'リセラーが別の CSP リージョンの間接プロバイダーと取引しています。',
  },
  'summary.cross-region-management': {
    en: 'A partner in `managedBy` is in another CSP region than the customer.',
    ja: '`managedBy` のパートナーが顧客とは別の CSP リージョンにいます。',
  },
  'summary.self-sale': {
    en: 'A partner sells to its own tenant or to an affiliate.',
    ja: 'パートナーが自社のテナントまたは関連会社に販売しています。',
  },
  'summary.shared-services-misuse': {
    en:
      'An Azure Partner Shared Services tenant has no owner, holds something other than Microsoft Azure, or is sold by another ' +
      'partner.',
    ja: 'Azure Partner Shared Services テナントに所有者がない、Microsoft Azure 以外のものがある、またはほかのパートナーが販売しています。',
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

  // Language server
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
    ja: '{activity} · {customers} · リージョン {region}',
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
    ja: '自社や関連会社に販売しているパートナーはありますか?',
  },
  'scenario.6.question': {
    en: 'Does anyone sell across regions?',
    ja: 'リージョンをまたいで販売しているパートナーはありますか?',
  },
  'scenario.7.question': {
    en: 'Are all partner relationships within one region?',
    ja: 'パートナー間の関係はすべて 1 つのリージョン内にありますか?',
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
    ja: 'オプション A: 「{customer}」は Azure Partner Shared Services テナントです。',
  },
  'scenario.4.b': {
    en: 'Option B: "{customer}" is a separate tenant bought through an unaffiliated partner.',
    ja: 'オプション B: 「{customer}」は関連のないパートナーから購入する別のテナントです。',
  },
  'scenario.manifest': {
    en: 'The manifest',
    ja: 'マニフェスト',
  },
  'scenario.5.none': {
    en: 'No partner sells to itself or to an affiliate.',
    ja: '自社や関連会社に販売しているパートナーはありません。',
  },
  'scenario.6.none': {
    en: "Every sale is within the customer's CSP region.",
    ja: 'すべての販売が顧客の CSP リージョン内で行われています。',
  },
  'scenario.7.none': {
    en: 'Every reseller–provider relationship is within one CSP region.',
    ja: 'リセラーとプロバイダーの関係はすべて 1 つの CSP リージョン内にあります。',
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
    ja: '「{entity}」の CSP リージョンが不明なため (country がないか CSP マーケットではありません)、リージョンを確認できません。',
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

  // CLI
  'cli.summary': {
    en: '{errors} errors, {warnings} warnings, {infos} infos in {files} files',
    ja: '{files} ファイルでエラー {errors} 件、警告 {warnings} 件、情報 {infos} 件',
  },
  'cli.no-files': {
    en: 'No files match {pattern}.',
    ja: '{pattern} に一致するファイルがありません。',
  },
  'cli.unreadable': {
    en: 'Cannot read {path}: {detail}',
    ja: '{path} を読み取れません: {detail}',
  },
  'cli.internal-error': {
    en: 'Could not check {path}: internal error ({detail})',
    ja: '{path} をチェックできませんでした: 内部エラー ({detail})',
  },
  'cli.usage': {
    en:
      'Usage: csp-partners check [FILES or GLOBS...] [--format text|json|sarif] [--rule ID=SEVERITY] [--locale en|ja]\n' +
      '       csp-partners scenario <1-7|all> FILE [--customer ID | --partner ID] [--format text|json] [--locale en|ja]\n' +
      '         --customer with scenarios 1-3, --partner with scenario 4; exit 1 when an answer is not supported',
    ja:
      '使い方: csp-partners check [ファイルまたは GLOB...] [--format text|json|sarif] [--rule ID=重大度] [--locale en|ja]\n' +
      '        csp-partners scenario <1-7|all> ファイル [--customer ID | --partner ID] [--format text|json] [--locale en|ja]\n' +
      '          --customer はシナリオ 1〜3、--partner はシナリオ 4 で指定。サポートされない項目があれば終了コード 1',
  },
  'cli.bad-flag': {
    en: 'Unknown option {flag}.',
    ja: '不明なオプション {flag} です。',
  },
  'cli.bad-format': {
    en: 'Unknown format "{value}"; use text, json or sarif.',
    ja: '不明な形式「{value}」です。text、json、sarif のいずれかを指定してください。',
  },
  'cli.bad-rule': {
    en: 'Bad --rule "{value}"; write ID=SEVERITY with SEVERITY one of error, warning, info, hint, off ({alwaysOn} cannot be off).',
    ja: '--rule「{value}」が正しくありません。ID=重大度 (error、warning、info、hint、off。{alwaysOn} は off にできません) の形で書いてください。',
  },
  'cli.unknown-rule': {
    en: 'Unknown rule id "{value}".',
    ja: '不明なルール ID「{value}」です。',
  },
  'cli.missing-value': {
    en: 'Option {flag} needs a value.',
    ja: 'オプション {flag} には値が必要です。',
  },
  'cli.no-command': {
    en: 'Unknown command "{value}".',
    ja: '不明なコマンド「{value}」です。',
  },

  // Scenario CLI
  'cli.scenario.arguments': {
    en: 'scenario needs a scenario number (1-7 or all) and one manifest file.',
    ja: 'scenario にはシナリオ番号 (1〜7 または all) とマニフェスト ファイル 1 つを指定してください。',
  },
  'cli.scenario.extra-argument': {
    en: 'Unexpected argument "{value}": scenario answers about one manifest file.',
    ja: '余分な引数「{value}」があります。scenario は 1 つのマニフェスト ファイルについて答えます。',
  },
  'cli.scenario.bad-number': {
    en: 'Unknown scenario "{value}"; use a number from 1 to 7, or all.',
    ja: '不明なシナリオ「{value}」です。1〜7 の番号か all を指定してください。',
  },
  'cli.scenario.bad-format': {
    en: 'Unknown format "{value}" for scenario; use text or json.',
    ja: 'scenario では形式「{value}」は使えません。text か json を指定してください。',
  },
  'cli.scenario.both-subjects': {
    en: 'Give --customer or --partner, not both.',
    ja: '--customer と --partner はどちらか一方だけを指定してください。',
  },
  'cli.scenario.customer-scenario': {
    en: '--customer applies to scenarios 1, 2 and 3 only, not to "{value}".',
    ja: '--customer はシナリオ 1、2、3 でのみ使えます (「{value}」では使えません)。',
  },
  'cli.scenario.partner-scenario': {
    en: '--partner applies to scenario 4 only, not to "{value}".',
    ja: '--partner はシナリオ 4 でのみ使えます (「{value}」では使えません)。',
  },
  'cli.scenario.syntax-errors': {
    en: '{path} has YAML syntax errors; fix them before asking a scenario question.',
    ja: '{path} に YAML 構文エラーがあります。シナリオを確認する前に修正してください。',
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
    ja: '{country} のリージョン',
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
    en: 'Linked resellers: {count}',
    ja: 'リンクされたリセラー: {count}',
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
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalogue;
/** A placeholder value: text, a number, or another catalogue entry (translated along with the message). */
export type MessageArg = string | number | { key: string };
export type MessageArgs = Record<string, MessageArg>;

export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** The message for `key` in `locale`, placeholders filled. An unknown key is a programming error. */
export function message(locale: Locale, key: string, args: MessageArgs = {}): string {
  if (!hasMessage(key)) throw new Error(`no message for ${key}`);
  const template: string = catalogue[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? message(locale, value.key) : shorten(String(value));
  });
}

/** Every key, for the catalogue's own test (each has both languages). */
export function messageKeys(): string[] {
  return Object.keys(catalogue);
}

/** Values are quoted in messages; a 5 MB value must not make a 5 MB message. */
function shorten(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
