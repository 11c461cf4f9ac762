/**
 * One value ready to inject, from a Vault line or a cloud store line alike: its names, where it
 * goes, the value and the leaves to mask with it. Printable fields (line, text, source, key,
 * version) hold paths, ids and key names, never values.
 */
import type { SinkKind } from './grammar.js';
import type { Pick } from './select.js';

export interface Item {
  /** 1-based line of the entry (the `pki` input's entries come after the `secrets` lines) */
  line: number;
  /** the entry as written */
  text: string;
  /** what the entry took: a key, every key (`*`), the whole value, a PKI bundle, aws-secretsmanager-get-secrets naming */
  pick: Pick['kind'];
  /** the env var (and, for outputs, the output) name */
  name: string;
  outputName: string;
  sink: SinkKind;
  value: string;
  /** string leaves of a JSON value, masked too */
  leaves: string[];
  /** the path or store id read (safe to print) */
  source: string;
  /** the key or field taken ('*' expanded to each key; '' for a store's whole value) */
  key: string;
  /** the version read (a KV v2 number; a store's version id) */
  version?: number | string;
  leaseTtl?: number;
  /** file name suffix for file sinks (.env, .json, .pem or '') */
  ext: string;
  /** the decoded bytes (secret-encoding-type): a file sink writes exactly these */
  bytes?: Uint8Array;
  /** the decoded bytes are not text (invalid UTF-8 or a NUL): only a file sink takes them; `value` is then the encoded text, masked and never injected */
  binary?: boolean;
}
