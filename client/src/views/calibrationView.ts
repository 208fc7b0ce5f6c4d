/**
 * The calibration report view (risk.md §5.8). Thin: the HTML comes from `shared/risk/view.ts`, the
 * report from the server. Strict CSP with a fresh nonce per render, no local or remote resources.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CalibrateResult } from '../../../shared/protocol/risk';
import { renderCalibrationHtml } from '../../../shared/risk/view';

export const CALIBRATION_VIEW_TYPE = 'piSecurity.calibration';
export const CALIBRATION_MARKDOWN_URI = vscode.Uri.parse('pi-sec-risk:/calibration.md');

export interface CalibrationViewHost {
  apply(result: CalibrateResult): Promise<void>;
  openReport(result: CalibrateResult): void;
  openMarkdown(): void;
}

export class CalibrationView implements vscode.Disposable {
  private static current: CalibrationView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private result: CalibrateResult;
  /** How many times the HTML was set (the end-to-end tests wait on it). */
  renders = 0;

  static get active(): CalibrationView | undefined {
    return CalibrationView.current;
  }

  static show(result: CalibrateResult, host: CalibrationViewHost): CalibrationView {
    if (CalibrationView.current) {
      CalibrationView.current.update(result);
      CalibrationView.current.panel.reveal(undefined, false);
      return CalibrationView.current;
    }
    const panel = vscode.window.createWebviewPanel(CALIBRATION_VIEW_TYPE, 'Risk Controller Calibration', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [],
    });
    CalibrationView.current = new CalibrationView(panel, result, host);
    return CalibrationView.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    result: CalibrateResult,
    private readonly host: CalibrationViewHost,
  ) {
    this.result = result;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
    );
    this.update(result);
  }

  get html(): string {
    return this.panel.webview.html;
  }

  get data(): CalibrateResult {
    return this.result;
  }

  update(result: CalibrateResult): void {
    this.result = result;
    const nonce = randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
    this.panel.webview.html = renderCalibrationHtml(result.report, { nonce, cspSource: this.panel.webview.cspSource, reportPath: result.reportPath });
    this.renders++;
  }

  /** Handles a message from the page (also called by the end-to-end tests to press a button). */
  onMessage(message: unknown): Promise<void> | void {
    if (message === null || typeof message !== 'object') return;
    const type = (message as { type?: unknown }).type;
    if (type === 'apply') return this.host.apply(this.result);
    if (type === 'openReport') this.host.openReport(this.result);
    else if (type === 'openMarkdown') this.host.openMarkdown();
  }

  dispose(): void {
    if (CalibrationView.current === this) CalibrationView.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** The read-only document `pi-sec-risk:/calibration.md` with the Markdown summary of the last report. */
export class CalibrationMarkdownProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private markdown = '# Risk controller calibration\n\nRun **Pi Security: Run Risk Controller Calibration…** first.\n';

  set(markdown: string): void {
    this.markdown = markdown;
    this.emitter.fire(CALIBRATION_MARKDOWN_URI);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return uri.path === CALIBRATION_MARKDOWN_URI.path ? this.markdown : '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
