/**
 * Session tags for AssumeRole (static keys, role chaining): the run's own tags (GitHub=Actions,
 * Repository, Workflow, Action, Actor, Commit, Branch as configure-aws-credentials sends them;
 * GitLab=CI, Project, Pipeline, Job, Ref, Commit, User on GitLab), `custom-tags` (a JSON object)
 * and `transitive-tag-keys`. AssumeRoleWithWebIdentity takes no tags: there they come from the
 * token's claims (https://aws.amazon.com/tags), so the action only logs a note.
 */
import { UserError } from '../core/errors.js';
import { parseList } from '../core/parse.js';

export interface SessionTag {
  Key: string;
  Value: string;
}

export interface TagRun {
  platform: 'github' | 'gitlab' | 'local';
  repository: string;
  workflow: string;
  action: string;
  actor: string;
  sha: string;
  ref: string;
  runId: string;
  job: string;
}

/** STS limits (API_Tag): 50 tags, keys 1..128, values 0..256 of letters, digits, spaces and _.:/=+-@. */
export const MAX_TAGS = 50;
const KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/** A value made acceptable to STS: other characters become `_`, cut at 256. */
export function sanitizeTagValue(v: string): string {
  return v.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
}

export function runTags(run: TagRun): SessionTag[] {
  const pairs: [string, string][] =
    run.platform === 'gitlab'
      ? [
          ['GitLab', 'CI'],
          ['Project', run.repository],
          ['Pipeline', run.runId],
          ['Job', run.job],
          ['Ref', run.ref],
          ['Commit', run.sha],
          ['User', run.actor],
        ]
      : [
          ['GitHub', 'Actions'],
          ['Repository', run.repository],
          ['Workflow', run.workflow],
          ['Action', run.action],
          ['Actor', run.actor],
          ['Commit', run.sha],
          ['Branch', run.ref],
        ];
  return pairs.filter(([k, v]) => k === 'GitHub' || k === 'GitLab' || v !== '').map(([Key, v]) => ({ Key, Value: sanitizeTagValue(v) }));
}

/** `custom-tags`: a JSON object of string (or number/boolean) values, e.g. {"Team":"payments"}. */
export function parseCustomTags(raw: string, input = 'custom-tags'): SessionTag[] {
  const v = raw.trim();
  if (!v) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    throw new UserError(input, 'custom-tags is not valid JSON: give an object such as {"Team":"payments","CostCenter":"42"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(input, 'custom-tags must be a JSON object of tag keys and values, e.g. {"Team":"payments"}');
  }
  const out: SessionTag[] = [];
  for (const [Key, value] of Object.entries(parsed)) {
    if (!KEY.test(Key)) throw new UserError(input, `tag key "${Key.slice(0, 40)}" is not allowed: 1 to 128 letters, digits, spaces or _.:/=+-@`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new UserError(input, `the value of tag "${Key}" must be a string, number or boolean`);
    }
    const Value = String(value);
    if (Value.length > 256 || sanitizeTagValue(Value) !== Value)
      throw new UserError(input, `the value of tag "${Key}" is not allowed: at most 256 letters, digits, spaces or _.:/=+-@`);
    out.push({ Key, Value });
  }
  return out;
}

/** The tags sent: the run's (unless skipped), then the custom ones (a custom key replaces a run tag of the same key). */
export function sessionTags(run: SessionTag[], custom: SessionTag[]): SessionTag[] {
  const byKey = new Map<string, SessionTag>();
  for (const t of [...run, ...custom]) byKey.set(t.Key.toLowerCase(), t);
  const tags = [...byKey.values()];
  if (tags.length > MAX_TAGS) throw new UserError('custom-tags', `STS takes at most ${MAX_TAGS} session tags, this step would send ${tags.length}`);
  return tags;
}

/** `transitive-tag-keys`: each must be the key of a tag this step sends. */
export function parseTransitiveKeys(raw: string, tags: readonly SessionTag[], input = 'transitive-tag-keys'): string[] {
  const keys = parseList(raw);
  const sent = new Set(tags.map((t) => t.Key.toLowerCase()));
  for (const k of keys) {
    if (!sent.has(k.toLowerCase())) {
      throw new UserError(
        input,
        `"${k.slice(0, 60)}" is not the key of a session tag this step sends (${tags.map((t) => t.Key).join(', ') || 'none: role-skip-session-tagging is set and custom-tags is empty'})`,
      );
    }
  }
  return keys;
}
