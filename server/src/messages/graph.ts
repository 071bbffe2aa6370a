import type { Entry } from './entry';

/** The channel graph as drawn (`csp-partners graph`): the words inside its boxes, labels and notes. */
export const graphMessages = {
  // Channel graph
  'graph.kind.indirect-provider': {
    en: 'indirect provider',
    ja: '間接プロバイダー',
  },
  'graph.kind.indirect-reseller': {
    en: 'indirect reseller',
    ja: '間接リセラー',
  },
  'graph.kind.direct-bill': {
    en: 'direct-bill partner',
    ja: '直接請求パートナー',
  },
  'graph.kind.partner': {
    en: 'partner of unknown type',
    ja: '種類不明のパートナー',
  },
  'graph.kind.customer': {
    en: 'customer',
    ja: '顧客',
  },
  'graph.customers': {
    en: '{count} customers',
    ja: '顧客 {count} 社',
  },
  'graph.subscriptions': {
    en: '{count} subscriptions',
    ja: 'サブスクリプション {count} 件',
  },
  'graph.region-findings': {
    en: '{errors} errors, {warnings} warnings',
    ja: 'エラー {errors} 件、警告 {warnings} 件',
  },
  'graph.unplaced': {
    en: 'Findings about no element of the graph:',
    ja: 'グラフのどの要素にも当たらない検出:',
  },
  'graph.finding': {
    en: '{severity} {rule} (line {line})',
    ja: '{severity} {rule} ({line} 行目)',
  },
} as const satisfies Record<string, Entry>;
