import type { Entry } from './entry';

/** The command line. */
export const cliMessages = {
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
    en: [
      'Usage: csp-partners check [FILES or GLOBS...] [--format text|json|sarif] [--rule ID=SEVERITY] [--locale en|ja]\n',
      '                          [--fix | --fix-dry-run] [--baseline FILE [--update-baseline]] [--quiet] [--max-warnings N]\n',
      '                          [--output FILE]\n',
      '         --fix writes the fixes that need no choice (repeated until none applies); --fix-dry-run prints them as a diff\n',
      '       csp-partners scenario <1-7|all> FILE [--customer ID | --partner ID] [--format text|json] [--locale en|ja]\n',
      '         --customer with scenarios 1-3, --partner with scenario 4; exit 1 when an answer is not supported\n',
      '       csp-partners graph FILE [--format dot|mermaid|json] [--region R] [--partner ID] [--only-findings] [--collapse N]\n',
      '                          [--rule ID=SEVERITY] [--output FILE] [--locale en|ja]\n',
      '         the channel graph; --collapse 0 never draws many customers as one node; exit 1 when the manifest has errors',
    ],
    ja: [
      '使い方: csp-partners check [ファイルまたは GLOB...] [--format text|json|sarif] [--rule ID=重大度] [--locale en|ja]\n',
      '                           [--fix | --fix-dry-run] [--baseline ファイル [--update-baseline]] [--quiet] [--max-warnings N]\n',
      '                           [--output ファイル]\n',
      '          --fix は選択の要らない修正を書き込みます (適用できる修正がなくなるまで繰り返し)。--fix-dry-run は差分として表示します\n',
      '        csp-partners scenario <1-7|all> ファイル [--customer ID | --partner ID] [--format text|json] [--locale en|ja]\n',
      '          --customer はシナリオ 1〜3、--partner はシナリオ 4 で指定。サポートされない項目があれば終了コード 1\n',
      '        csp-partners graph ファイル [--format dot|mermaid|json] [--region R] [--partner ID] [--only-findings] [--collapse N]\n',
      '                           [--rule ID=重大度] [--output ファイル] [--locale en|ja]\n',
      '          チャネルのグラフ。--collapse 0 で多数の顧客を 1 つのノードにまとめません。マニフェストにエラーがあれば終了コード 1',
    ],
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
  'cli.fixed': {
    en: '{path}: fixed {count} problems ({rules})',
    ja: '{path}: {count} 件の問題を修正しました ({rules})',
  },
  'cli.would-fix': {
    en: '{path}: --fix would fix {count} problems ({rules})',
    ja: '{path}: --fix で {count} 件の問題が修正されます ({rules})',
  },
  'cli.fix-refused': {
    en: '{path}: some fixes were left out: applied together, they would leave a YAML syntax error or more errors than before.',
    ja: '{path}: 一部の修正は適用しませんでした。まとめて適用すると YAML 構文エラーが残るか、エラーが増えるためです。',
  },
  'cli.fix-not-utf8': {
    en: '{path} is not valid UTF-8: it is checked but not fixed, as writing it back would change its bytes.',
    ja: '{path} は正しい UTF-8 ではありません。書き戻すとバイトが変わるため、チェックのみ行い、修正はしません。',
  },
  'cli.fix-write-failed': {
    en: 'Cannot write {path}: {detail}. The file is left as it was.',
    ja: '{path} に書き込めません: {detail}。ファイルは元のままです。',
  },
  'cli.fix-both': {
    en: 'Give --fix or --fix-dry-run, not both.',
    ja: '--fix と --fix-dry-run はどちらか一方だけを指定してください。',
  },
  'cli.baseline-written': {
    en: '{path}: baseline written, {count} findings.',
    ja: '{path}: ベースラインを書き込みました (検出 {count} 件)。',
  },
  'cli.bad-baseline': {
    en: '{path} is not a baseline: {detail}',
    ja: '{path} はベースラインではありません: {detail}',
  },
  'cli.update-needs-baseline': {
    en: '--update-baseline needs --baseline FILE.',
    ja: '--update-baseline には --baseline ファイル の指定が必要です。',
  },
  'cli.too-many-warnings': {
    en: '{count} warnings, more than --max-warnings {max}.',
    ja: '警告が {count} 件あり、--max-warnings {max} を超えています。',
  },
  'cli.bad-count': {
    en: '{flag} needs a whole number, not "{value}".',
    ja: '{flag} には 0 以上の整数を指定してください (「{value}」は使えません)。',
  },
  'cli.cannot-write': {
    en: 'Cannot write {path}: {detail}',
    ja: '{path} に書き込めません: {detail}',
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

  // Graph CLI
  'cli.graph.arguments': {
    en: 'graph needs one manifest file.',
    ja: 'graph にはマニフェスト ファイルを 1 つ指定してください。',
  },
  'cli.graph.extra-argument': {
    en: 'Unexpected argument "{value}": graph draws one manifest file.',
    ja: '余分な引数「{value}」があります。graph は 1 つのマニフェスト ファイルを描きます。',
  },
  'cli.graph.bad-format': {
    en: 'Unknown format "{value}" for graph; use dot, mermaid or json.',
    ja: 'graph では形式「{value}」は使えません。dot、mermaid、json のいずれかを指定してください。',
  },
  'cli.graph.unknown-region': {
    en: 'Unknown CSP region "{value}"; the regions are: {regions}.',
    ja: '不明な CSP リージョン「{value}」です。CSP リージョンは次のとおりです: {regions}。',
  },
} as const satisfies Record<string, Entry>;
