/**
 * Reads the env file the CLI writes with `--export-file` (`export NAME='value'` lines, single
 * quotes with '\'' for a quote, values may span lines) and plain dotenv lines (`NAME=value`,
 * `NAME="value"`). Errors name the line, never a value.
 */
import { UserError } from '../../core/errors.js';
import { isEnvName } from '../../core/parse.js';

export function parseEnvFile(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  let line = 1;
  const fail = (why: string): never => {
    throw new UserError('export-file', `${file} line ${line}: ${why}`);
  };
  while (i < text.length) {
    // skip blank lines and comments
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('export ', i)) i += 7;
    const eq = text.indexOf('=', i);
    if (eq < 0) fail('expected NAME=value');
    const name = text.slice(i, eq).trim();
    if (!isEnvName(name)) fail('not a variable name before "="');
    i = eq + 1;
    let value = '';
    const startLine = line;
    // a value is a run of quoted and unquoted pieces up to an unquoted newline
    while (i < text.length && text[i] !== '\n') {
      const ch = text[i];
      if (ch === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) {
          line = startLine;
          fail('unterminated single quote');
        }
        const piece = text.slice(i + 1, end);
        line += piece.split('\n').length - 1;
        value += piece;
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        let piece = '';
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1] ?? '')) {
            if (text[j + 1] !== '\n') piece += text[j + 1];
            j += 2;
          } else {
            piece += text[j];
            j++;
          }
        }
        if (j >= text.length) {
          line = startLine;
          fail('unterminated double quote');
        }
        line += text.slice(i, j).split('\n').length - 1;
        value += piece;
        i = j + 1;
      } else if (ch === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else if (ch === '\r' && text[i + 1] === '\n') {
        i++;
      } else {
        value += ch;
        i++;
      }
    }
    out.set(name, value);
  }
  return out;
}
