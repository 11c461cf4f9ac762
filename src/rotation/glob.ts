/**
 * Glob patterns for policy rules and certificate files: `**` crosses `/`, `*` and `?` do
 * not, `{a,b}` alternates. A pattern without `/` also matches at any depth for file walks
 * only when it starts with `**`; otherwise patterns are anchored to the whole name.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBrace = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBrace++;
      re += '(?:';
    } else if (c === '}' && inBrace > 0) {
      inBrace--;
      re += ')';
    } else if (c === ',' && inBrace > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function globMatch(glob: string, name: string): boolean {
  return globToRegExp(glob).test(name);
}

/** True when the text holds a glob character (otherwise it names one path). */
export function isGlob(text: string): boolean {
  return /[*?{]/.test(text);
}
