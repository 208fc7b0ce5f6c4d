/**
 * Windows download-and-run, classified as `pipe_to_shell` beyond the spec's POSIX patterns (§8.4):
 * PowerShell download cradles (`iwr … | iex`, `IEX (New-Object Net.WebClient).DownloadString(…)`,
 * download then `Start-Process`), also base64 `-EncodedCommand` scripts, and the script runners
 * `mshta`, `regsvr32 /i:` and `rundll32 javascript:` given remote or inline script; each also
 * behind `cmd /c`. The commands arrive parsed as POSIX words (backslashes already consumed), so
 * programs are matched by the end of their name.
 */

const DOWNLOAD = /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|start-bitstransfer|wget|curl)\b|download(?:string|file|data)|net\.webclient|\bbitsadmin\b/i;
const RUN = /\b(?:iex|invoke-expression|start-process|saps|invoke-item|rundll32|regsvr32|mshta)\b|[|;]\s*(?:&|\.)\s*[($]|\bcmd(?:\.exe)?\s+\/[ck]\b/i;
const REMOTE = /^(?:https?|ftp):\/\/|^\\\\|^(?:javascript|vbscript):/i;

function programName(program: string): string {
  return program.toLowerCase().replace(/\.exe$/, '');
}

/** PowerShell accepts any prefix of `-EncodedCommand` (`-e`, `-ec`, `-enc`, …). */
function isEncodedCommandFlag(arg: string): boolean {
  const a = arg.toLowerCase().replace(/^\//, '-');
  return a === '-ec' || (a.length >= 2 && a.startsWith('-e') && 'encodedcommand'.startsWith(a.slice(1)));
}

function decodeEncodedCommand(text: string): string {
  return /^[A-Za-z0-9+/=]+$/.test(text) ? Buffer.from(text, 'base64').toString('utf16le') : '';
}

function powershellScript(args: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (isEncodedCommandFlag(args[i]) && i + 1 < args.length) parts.push(decodeEncodedCommand(args[++i]));
    else parts.push(args[i]);
  }
  return parts.join(' ');
}

/** Splits a `cmd /c` tail into words (double quotes group, as cmd reads them). */
function cmdWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

export function windowsDownloadAndRun(program: string | null, args: readonly string[], depth = 0): boolean {
  if (program === null) return false;
  const name = programName(program);
  if (name.endsWith('powershell') || name.endsWith('pwsh')) {
    const script = powershellScript(args);
    return DOWNLOAD.test(script) && RUN.test(script);
  }
  if (name.endsWith('mshta')) return args.some((a) => REMOTE.test(a));
  if (name.endsWith('regsvr32')) return args.some((a) => /^[-/]i:/i.test(a) && REMOTE.test(a.slice(3)));
  if (name.endsWith('rundll32')) return args.some((a) => /^javascript:/i.test(a) || /mshtml.*runhtmlapplication/i.test(a));
  if (/(?:^|[:\\/]|system32)cmd$/.test(name) && depth < 2) {
    const at = args.findIndex((a) => /^\/[ck]$/i.test(a));
    if (at < 0) return false;
    const words = cmdWords(args.slice(at + 1).join(' '));
    return words.length > 0 && windowsDownloadAndRun(words[0], words.slice(1), depth + 1);
  }
  return false;
}
