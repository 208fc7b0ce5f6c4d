/** Runs a server request behind a cancellable progress notification fed by LSP work-done progress. */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type CancellationToken, type LanguageClient } from 'vscode-languageclient/node';

export function withServerProgress<R>(
  client: LanguageClient,
  title: string,
  request: (workDoneToken: string, token: CancellationToken) => Promise<R>,
): Thenable<R> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    let last = 0;
    const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const pct = value.percentage ?? last;
      progress.report({ message: value.message, increment: Math.max(0, pct - last) });
      last = pct;
    });
    try {
      return await request(workDoneToken, token);
    } finally {
      sub.dispose();
    }
  });
}
