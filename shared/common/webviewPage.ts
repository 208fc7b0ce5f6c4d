/**
 * The HTML page around every webview view (dashboard, calibration report): a strict content security
 * policy in which styles and the one script run only with the page's nonce and nothing remote loads.
 */

export function esc(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export interface WebviewPage {
  title: string;
  nonce: string;
  cspSource: string;
  style: string;
  /** Trusted HTML (every interpolated value already escaped). */
  body: string;
  script: string;
}

export function webviewPage(page: WebviewPage): string {
  const nonce = esc(page.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(page.nonce, page.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<style nonce="${nonce}">${page.style}</style>
</head>
<body>
${page.body}
<script nonce="${nonce}">${page.script}</script>
</body>
</html>
`;
}
