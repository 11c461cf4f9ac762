/**
 * Store lines of the `secrets` input: the Vault selector syntax with a store prefix.
 *
 *   aws-sm:prod/db password | DB_PASSWORD          a key of a JSON secret
 *   aws-sm:prod/db | DB_JSON                       the whole string
 *   aws-sm:prod/db * | DB_                         every key, names prefixed DB_
 *   aws-sm:prod/db?version-stage=AWSPREVIOUS       (or ?version-id=ID)
 *   aws-ssm:/app/prod/token | TOKEN                a parameter (SecureString decrypted); /name:3 pins a version
 *   gcp-sm:projects/P/secrets/S[/versions/V] | N   (or the short form P/S[/V]); V defaults to latest
 *   azure-kv:https://VAULT.vault.azure.net/secrets/S[/VERSION] | N   (or VAULT/S[/VERSION])
 *
 * The right-hand side takes `file:`, `dotenv:` and `json:` as for Vault lines. A line without
 * a store prefix is not ours (undefined), so fetch-secrets keeps it for Vault. Errors are
 * UserErrors naming the line; selectors hold ids and names, never values.
 */
import type { UserError } from '../core/errors.js';
import { entryNames, lineError, parseField, parseSink, splitSink, tokenize } from '../secrets/grammar.js';
import type { Pick, Selection } from '../secrets/select.js';

export type StoreKind = 'aws-sm' | 'aws-ssm' | 'gcp-sm' | 'azure-kv';

export const STORE_KINDS: readonly StoreKind[] = ['aws-sm', 'aws-ssm', 'gcp-sm', 'azure-kv'];

/** A store line (or a secret-ids entry): the grammar's selection plus the store and its id. */
export interface StoreSelector extends Selection {
  store: StoreKind;
  /**
   * aws-sm: name or ARN (or a name prefix when `prefix`); aws-ssm: the parameter name (with an
   * optional `:version` / `:label`); gcp-sm: projects/P/secrets/S/versions/V; azure-kv: the
   * secret URL https://VAULT.vault.azure.net/secrets/S[/VERSION].
   */
  id: string;
  /** aws-sm only: VersionId or VersionStage */
  versionId?: string;
  versionStage?: string;
  /** aws-sm compat only: `id` is a name prefix (ListSecrets name filter) */
  prefix?: boolean;
}

const PREFIX_RE = /^(aws-sm|aws-ssm|gcp-sm|azure-kv):/i;
const AWS_SM_ID = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
const AWS_SM_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(.+)$/;
const SSM_NAME = /^[A-Za-z0-9/_.-]{1,2048}(:[A-Za-z0-9_.-]+)?$/;
const GCP_FULL = /^projects\/([^/\s]+)\/secrets\/([^/\s]+)(?:\/versions\/([^/\s]+))?$/;
const GCP_SHORT = /^([^/\s]+)\/([^/\s]+)(?:\/([^/\s]+))?$/;
const AZURE_URL =
  /^https:\/\/([a-z0-9-]{3,24})\.(vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net|vault\.microsoftazure\.de)\/secrets\/([A-Za-z0-9-]{1,127})(?:\/([A-Za-z0-9]{0,64}))?\/?$/i;
const AZURE_SHORT = /^([a-z0-9-]{3,24})\/([A-Za-z0-9-]{1,127})(?:\/([A-Za-z0-9]{1,64}))?$/i;

export function storePrefix(text: string): StoreKind | undefined {
  const m = PREFIX_RE.exec(text.trim());
  return m ? (m[1]?.toLowerCase() as StoreKind) : undefined;
}

interface IdParts {
  id: string;
  versionId?: string;
  versionStage?: string;
  /** the name a whole-value line is called by default */
  baseName: string;
}

/** The secret's own name from an ARN (without the 6-character suffix) or a name. */
export function awsSecretName(id: string): string {
  const m = AWS_SM_ARN.exec(id);
  if (!m) return id;
  return (m[1] ?? '').replace(/-[A-Za-z0-9]{6}$/, '');
}

function parseId(store: StoreKind, raw: string, fail: (w: string) => UserError): IdParts {
  const q = raw.indexOf('?');
  const id = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  if (!id) throw fail('the secret id is empty');
  if (store === 'aws-sm') {
    if (!AWS_SM_ID.test(id)) throw fail(`"${id.slice(0, 80)}" is not a Secrets Manager name or ARN (letters, digits and /_+=.@- only)`);
    const out: IdParts = { id, baseName: awsSecretName(id) };
    if (query) {
      const m = /^(version-id|version-stage)=([A-Za-z0-9_-]{1,256})$/.exec(query);
      if (!m) throw fail(`only "?version-id=ID" or "?version-stage=STAGE" may follow a Secrets Manager id, got "?${query.slice(0, 40)}"`);
      if (m[1] === 'version-id') out.versionId = m[2] ?? '';
      else out.versionStage = m[2] ?? '';
    }
    return out;
  }
  if (query) throw fail(`"?" is only for aws-sm versions; ${store} puts the version in the id`);
  if (store === 'aws-ssm') {
    if (!SSM_NAME.test(id) && !/^arn:aws[a-z-]*:ssm:/.test(id))
      throw fail(`"${id.slice(0, 80)}" is not a Parameter Store name (letters, digits and /_.- only, ":N" or ":label" to pin)`);
    const bare = id.replace(/^arn:aws[a-z-]*:ssm:[^:]*:\d*:parameter/, '').replace(/:[^:/]+$/, '');
    return { id, baseName: bare.replace(/^\/+/, '') };
  }
  if (store === 'gcp-sm') {
    const full = GCP_FULL.exec(id);
    const short = full || id.startsWith('projects/') ? null : GCP_SHORT.exec(id);
    const m = full ?? short;
    if (!m)
      throw fail(`"${id.slice(0, 80)}" is not a Secret Manager name: write projects/PROJECT/secrets/SECRET[/versions/VERSION] or PROJECT/SECRET[/VERSION]`);
    const [, project, secret, version] = m;
    return { id: `projects/${project}/secrets/${secret}/versions/${version ?? 'latest'}`, baseName: secret ?? '' };
  }
  const url = AZURE_URL.exec(id);
  if (url) {
    const [, vault, domain, secret, version] = url;
    return { id: `https://${vault?.toLowerCase()}.${domain?.toLowerCase()}/secrets/${secret}${version ? `/${version}` : ''}`, baseName: secret ?? '' };
  }
  const short = AZURE_SHORT.exec(id);
  if (!short) throw fail(`"${id.slice(0, 80)}" is not a Key Vault secret: write https://VAULT.vault.azure.net/secrets/NAME[/VERSION] or VAULT/NAME[/VERSION]`);
  const [, vault, secret, version] = short;
  return { id: `https://${vault?.toLowerCase()}.vault.azure.net/secrets/${secret}${version ? `/${version}` : ''}`, baseName: secret ?? '' };
}

/** Parses one entry; undefined when it has no store prefix (a Vault line). */
export function parseStoreLine(text: string, line: number): StoreSelector | undefined {
  const trimmed = text.trim();
  const store = storePrefix(trimmed);
  if (!store) return undefined;
  const fail = (w: string) => lineError(line, trimmed, w);
  const body = trimmed.slice(store.length + 1);
  const { lhs, rhs } = splitSink(body);
  const tokens = tokenize(lhs);
  if (typeof tokens === 'string') throw fail(tokens);
  const [idToken, ...keys] = tokens;
  if (!idToken) throw fail(`expected "${store}:ID [KEY] | NAME", found no id`);
  if (keys.length > 1) throw fail(`expected at most one key after the id, found ${keys.length} words; quote a key that contains spaces: "my key"`);
  const parts = parseId(store, idToken, fail);
  const sinkSpec = rhs === undefined ? undefined : parseSink(rhs, fail);
  const sink = sinkSpec?.sink ?? 'env';

  let pick: Pick;
  const keyText = keys[0];
  if (keyText === undefined) pick = { kind: 'whole' };
  else if (keyText === '*') pick = { kind: 'expand' };
  else {
    const field = parseField(keyText);
    if (typeof field === 'string') throw fail(field);
    pick = { kind: 'key', field };
  }
  if (pick.kind === 'whole' && (sink === 'dotenv' || sink === 'json')) {
    // the whole secret as a dotenv / JSON file: every key of a JSON object
    pick = { kind: 'expand' };
  }

  const { name, outputName } = entryNames(sinkSpec, pick.kind === 'expand', () => {
    if (pick.kind === 'key') return pick.field.segments.join('.');
    // a whole value is named by the last segment of its name (prod/db -> DB, /app/prod/token -> TOKEN)
    const base = parts.baseName.replace(/\/+$/, '').split('/').pop() ?? '';
    if (!base) throw fail('give the value a name: "| NAME"');
    return base;
  });
  const sel: StoreSelector = { store, line, text: trimmed, id: parts.id, pick, sink, name, outputName, named: sinkSpec !== undefined };
  if (parts.versionId !== undefined) sel.versionId = parts.versionId;
  if (parts.versionStage !== undefined) sel.versionStage = parts.versionStage;
  return sel;
}

/** A short, printable name of what a selector reads, e.g. "aws-sm:prod/db". */
export function sourceOf(sel: StoreSelector): string {
  return `${sel.store}:${sel.id}${sel.versionId ? `?version-id=${sel.versionId}` : sel.versionStage ? `?version-stage=${sel.versionStage}` : ''}`;
}
