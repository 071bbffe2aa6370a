// The partner-network webview's page: the bundled script and stylesheet under a strict
// Content-Security-Policy, and the initial state as JSON the script reads (data, never run). Free of the
// `vscode` API, so that the webview's browser test serves the very page the extension host sets.
import type { PartnerNetworkInitial } from './graph-view-messages';

export interface GraphViewPage {
  /** `webview.cspSource`: where the page may load its script, stylesheet and layout worker from. */
  cspSource: string;
  /** A fresh random value per page: only scripts carrying it run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  initial: PartnerNetworkInitial;
  /** The `lang` of the page (the display language). */
  language: string;
}

/**
 * The Content-Security-Policy of the page. The layout worker is made from a blob: a webview's resources
 * are served from another origin than the page's, and a worker must be same-origin, so the page fetches
 * the bundled worker (connect-src) and starts it from a blob URL (worker-src blob:).
 */
export function graphViewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `connect-src ${cspSource}`,
    'worker-src blob:',
  ].join('; ');
}

export function graphViewHtml(page: GraphViewPage): string {
  // `<` escaped: the JSON cannot close its script element, whatever a name in the manifest says.
  const initial = JSON.stringify(page.initial).replace(/</g, '\\u003c');
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="${attribute(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(graphViewCsp(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(page.styleUri)}">
<title>${attribute(page.initial.strings.graphLabel)}</title>
</head>
<body>
<script type="application/json" id="csp-partners-initial">${initial}</script>
<script nonce="${attribute(page.nonce)}" src="${attribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
