/**
 * Two values with one name: the error names both sources (line, entry and, for `*`, the key),
 * never a value.
 */
import { UserError } from '../core/errors.js';
import { SECRETS_INPUT } from './grammar.js';

export interface Source {
  line: number;
  text: string;
  key?: string;
}

export function collision(name: string, a: Source, b: Source): UserError {
  const src = (x: { text: string; key?: string }) => `"${x.text}"${x.key !== undefined ? `, key "${x.key}"` : ''}`;
  const where = a.line === b.line ? `line ${a.line} (${src(a)} and ${src(b)})` : `line ${a.line} (${src(a)}) and line ${b.line} (${src(b)})`;
  return new UserError(SECRETS_INPUT, `${where} both set ${name}: give one of them another name with "| NAME"`);
}
