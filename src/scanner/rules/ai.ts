/** AI APIs: OpenAI, Anthropic, Hugging Face, Cohere, Groq, Replicate, Perplexity, Private AI, ... */
import { CH, kv, tk, toToml, type RuleDef } from './build.js';

const { AN, LN, URL, L } = CH;

export const AI_RULES: RuleDef[] = [
  tk('openai-api-key', 'OpenAI API key (project, service account, admin or legacy)', String.raw`sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-proj-[A-Za-z0-9_-]{100,200}`, ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'], ['sk-proj-', URL, 156], 3),
  tk('anthropic-api-key', 'Anthropic API key', String.raw`sk-ant-api03-[a-zA-Z0-9_-]{93}AA`, ['sk-ant-api03'], ['sk-ant-api03-', URL, 93, 'AA'], 3),
  tk('anthropic-admin-api-key', 'Anthropic admin API key', String.raw`sk-ant-admin01-[a-zA-Z0-9_-]{93}AA`, ['sk-ant-admin01'], ['sk-ant-admin01-', URL, 93, 'AA'], 3),
  tk('huggingface-access-token', 'Hugging Face user access token', 'hf_[a-zA-Z]{34}', ['hf_'], ['hf_', CH.L + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 34], 2),
  tk('huggingface-organization-api-token', 'Hugging Face organization API token', 'api_org_[a-zA-Z]{34}', ['api_org_'], ['api_org_', L + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 34], 2),
  kv('cohere-api-token', 'Cohere API key', 'cohere|CO_API_KEY', '[a-zA-Z0-9]{40}', ['cohere', 'co_api_key'], ['', AN, 40], 4, 'COHERE_API_KEY'),
  tk('groq-api-key', 'Groq API key', 'gsk_[a-zA-Z0-9]{52}', ['gsk_'], ['gsk_', AN, 52], 3.5),
  tk('replicate-api-token', 'Replicate API token', 'r8_[a-zA-Z0-9]{37}', ['r8_'], ['r8_', AN, 37], 3.5),
  tk('perplexity-api-key', 'Perplexity API key', 'pplx-[a-zA-Z0-9]{48}', ['pplx-'], ['pplx-', AN, 48], 3.5),
  tk('xai-api-key', 'xAI (Grok) API key', 'xai-[a-zA-Z0-9]{80}', ['xai-'], ['xai-', AN, 80], 3.5),
  kv('mistral-api-key', 'Mistral AI API key', 'mistral', '[a-zA-Z0-9]{32}', ['mistral'], ['', AN, 32], 3.5, 'MISTRAL_API_KEY'),
  kv('privateai-api-token', 'Private AI API key', 'private[_-]?ai', '[a-z0-9]{32}', ['privateai', 'private_ai', 'private-ai'], ['', LN, 32], 3, 'PRIVATE_AI_KEY'),
  tk('langsmith-api-key', 'LangSmith API key', 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}', ['lsv2_'], ['lsv2_pt_', CH.HEX, 32, '_0a1b2c3d4e'], 3),
];

export const AI_TOML = toToml(AI_RULES);
