import type { Entry } from './entry';

/** Quick fix titles. */
export const fixMessages = {
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
    ja: '間接リセラー「{value}」経由で販売',
  },
  'fix.remove-provider': {
    en: 'Remove provider "{value}"',
    ja: 'provider「{value}」を削除',
  },
  'fix.sell-through': {
    en: 'Sell through "{value}"',
    ja: '「{value}」経由で販売',
  },
  'fix.remove-providers': {
    en: 'Remove providers from "{partner}"',
    ja: '「{partner}」から providers を削除',
  },
  'fix.remove-relationship': {
    en: 'Remove "{value}" from providers',
    ja: '「{value}」を providers から削除',
  },
  'fix.replace-relationship': {
    en: 'Replace with provider "{value}"',
    ja: '間接プロバイダー「{value}」に置き換え',
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
    ja: 'Azure Partner Shared Services (共有サービス テナント) を使う',
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
} as const satisfies Record<string, Entry>;
