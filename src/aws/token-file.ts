/** web-identity-token-file: the token read afresh for each attempt (a projected token rotates). */
import { promises as fs } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../core/errors.js';

export async function readTokenFile(path: string, workspace: string): Promise<string> {
  const full = isAbsolute(path) ? path : join(workspace, path);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error';
    throw new UserError('web-identity-token-file', `cannot read the token file ${full} (${code})`);
  }
  const token = text.trim();
  if (token.split('.').length !== 3) throw new UserError('web-identity-token-file', `${full} does not hold a JWT (expected three dot-separated parts)`);
  return token;
}
