/** What an action tells the CLI's --help (action.yml holds the same names; a test checks). */
export interface InputSpec {
  name: string;
  description: string;
  default?: string;
  /** other names accepted for this input (e.g. hashicorp/vault-action's camelCase): declared in action.yml, resolved by src/actions/aliases.ts */
  aliases?: readonly string[];
}

export interface ActionSpec {
  name: string;
  summary: string;
  inputs: readonly InputSpec[];
  /** the CLI's positional argument maps to this input */
  positional?: string;
}
