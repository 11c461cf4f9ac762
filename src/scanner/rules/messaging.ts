/** Messaging, email and social: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, Mailchimp, Teams, ... */
import { CH, kv, tk, toToml, type RuleDef } from './build.js';

const { AN, LN, HEX, URL, D } = CH;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

export const MESSAGING_RULES: RuleDef[] = [
  tk('slack-bot-token', 'Slack bot token', 'xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*', ['xoxb'], ['xoxb-1234567890-1234567890123-', AN, 24], 3),
  tk('slack-user-token', 'Slack user token', 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', ['xoxp-', 'xoxe-'], ['xoxp-1234567890-1234567890-1234567890-', AN, 32], 2),
  tk('slack-app-token', 'Slack app-level token', '(?i)xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+', ['xapp'], ['xapp-1-A0123ABCDEF-1234567890123-', HEX, 64], 2),
  tk('slack-config-access-token', 'Slack configuration access token', '(?i)xoxe\\.xox[bp]-\\d-[A-Z0-9]{163,166}', ['xoxe.xoxb-', 'xoxe.xoxp-'], ['xoxe.xoxp-1-', AN, 164], 2),
  tk('slack-config-refresh-token', 'Slack configuration refresh token', '(?i)xoxe-\\d-[A-Z0-9]{146}', ['xoxe-'], ['xoxe-1-', AN, 146], 2),
  tk('slack-legacy-bot-token', 'Slack legacy bot token', 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}', ['xoxb'], ['xoxb-12345678-', AN, 24], 2),
  tk('slack-legacy-token', 'Slack legacy token', 'xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]+', ['xoxo', 'xoxs'], ['xoxs-1234-5678-9012-', HEX, 64], 2),
  tk('slack-legacy-workspace-token', 'Slack legacy workspace token', 'xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}', ['xoxa', 'xoxr'], ['xoxa-2-', AN, 40], 2),
  { id: 'slack-webhook-url', description: 'Slack incoming webhook or workflow trigger URL', regex: String.raw`(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}`, keywords: ['hooks.slack.com'], sample: { prefix: 'https://hooks.slack.com/services/T01234567/B01234567/', chars: AN, len: 24 } },
  kv('discord-api-token', 'Discord API key', 'discord', '[a-f0-9]{64}', ['discord'], ['', HEX, 64], 3),
  kv('discord-client-id', 'Discord client ID', 'discord', '[0-9]{18}', ['discord'], ['', D, 18], 2),
  kv('discord-client-secret', 'Discord client secret', 'discord', '[a-z0-9=_-]{32}', ['discord'], ['', LN, 32], 2),
  { ...tk('discord-bot-token', 'Discord bot token', String.raw`[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`, ['discord', 'bot '], ['MTA', AN, 23, '.GaBcDe.q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h'], 4), sample: { prefix: 'MTA', chars: AN, len: 23, suffix: '.GaBcDe.q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h', kv: 'DISCORD_BOT_TOKEN' } },
  { id: 'discord-webhook-url', description: 'Discord webhook URL', regex: String.raw`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}`, keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], sample: { prefix: 'https://discord.com/api/webhooks/123456789012345678/', chars: URL, len: 68 } },
  kv('telegram-bot-api-token', 'Telegram bot token', 'telegr', '[0-9]{5,16}:A[a-zA-Z0-9_-]{34}', ['telegr'], ['123456789:A', AN, 34], 0, 'TELEGRAM_BOT_TOKEN'),
  tk('twilio-api-key', 'Twilio API key SID', 'SK[0-9a-fA-F]{32}', ['sk'], ['SK', HEX, 32], 3),
  kv('twilio-auth-token', 'Twilio auth token', 'twilio', '[a-f0-9]{32}', ['twilio'], ['', HEX, 32], 3, 'TWILIO_AUTH_TOKEN'),
  tk('sendgrid-api-token', 'SendGrid API key', String.raw`SG\.[a-zA-Z0-9=_.-]{66}`, ['sg.'], ['SG.', AN, 66], 2),
  tk('sendinblue-api-token', 'Brevo (Sendinblue) API key', 'xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16}', ['xkeysib-'], ['xkeysib-', HEX, 64, '-AbCdEfGh12345678'], 2),
  kv('mailgun-private-api-token', 'Mailgun private API key', 'mailgun', 'key-[a-f0-9]{32}', ['mailgun'], ['key-', HEX, 32], 0),
  kv('mailgun-pub-key', 'Mailgun public validation key', 'mailgun', 'pubkey-[a-f0-9]{32}', ['mailgun'], ['pubkey-', HEX, 32], 0),
  kv('mailgun-signing-key', 'Mailgun webhook signing key', 'mailgun', '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}', ['mailgun'], ['', HEX, 32, '-0a1b2c3d-4e5f6a7b'], 0),
  kv('mailchimp-api-key', 'Mailchimp API key', String.raw`MailchimpSDK\.initialize|mailchimp`, String.raw`[a-f0-9]{32}-us\d\d`, ['mailchimp'], ['', HEX, 32, '-us21'], 0),
  kv('mandrill-api-key', 'Mandrill (Mailchimp transactional) API key', 'mandrill', '[A-Za-z0-9_-]{22}', ['mandrill'], ['', AN, 22], 3),
  tk('postmark-server-token', 'Postmark server token assigned to a Postmark key name', String.raw`(?i:postmark[\w.-]{0,20})[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3}` + UUID, ['postmark'], ['POSTMARK_SERVER_TOKEN=', HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
  kv('mattermost-access-token', 'Mattermost access token', 'mattermost', '[a-z0-9]{26}', ['mattermost'], ['', LN, 26], 3),
  kv('messagebird-api-token', 'MessageBird API key', 'message[_-]?bird', '[a-z0-9]{25}', ['messagebird', 'message-bird', 'message_bird'], ['', LN, 25], 3),
  kv('messagebird-client-id', 'MessageBird client ID', 'message[_-]?bird', UUID, ['messagebird', 'message-bird', 'message_bird'], ['', HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
  { id: 'microsoft-teams-webhook', description: 'Microsoft Teams incoming webhook URL', regex: String.raw`https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}@[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}`, keywords: ['webhook.office.com', 'webhookb2', 'incomingwebhook'], sample: { prefix: 'https://contoso.webhook.office.com/webhookb2/0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f@0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f/IncomingWebhook/', chars: HEX, len: 32, suffix: '/0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f' } },
  kv('intercom-api-key', 'Intercom access token', 'intercom', '[a-z0-9=_-]{60}', ['intercom'], ['', LN, 60], 3),
  kv('sendbird-access-id', 'Sendbird application ID', 'sendbird', UUID, ['sendbird'], ['', HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
  kv('sendbird-access-token', 'Sendbird API token', 'sendbird', '[a-f0-9]{40}', ['sendbird'], ['', HEX, 40], 3),
  kv('twitch-api-token', 'Twitch API token', 'twitch', '[a-z0-9]{30}', ['twitch'], ['', LN, 30], 3),
  kv('twitter-api-key', 'Twitter (X) API key', 'twitter', '[a-z0-9]{25}', ['twitter'], ['', LN, 25], 3),
  kv('twitter-api-secret', 'Twitter (X) API secret', 'twitter', '[a-z0-9]{50}', ['twitter'], ['', LN, 50], 3),
  kv('twitter-access-token', 'Twitter (X) access token', 'twitter', '[0-9]{15,25}-[a-zA-Z0-9]{20,40}', ['twitter'], ['1234567890123456789-', AN, 30], 3),
  kv('twitter-access-secret', 'Twitter (X) access token secret', 'twitter', '[a-z0-9]{45}', ['twitter'], ['', LN, 45], 3),
  kv('twitter-bearer-token', 'Twitter (X) bearer token', 'twitter', 'A{22}[a-zA-Z0-9%]{80,100}', ['twitter'], ['AAAAAAAAAAAAAAAAAAAAAA', AN, 90], 0),
  tk('facebook-page-access-token', 'Facebook page access token', 'EAA[MC][a-zA-Z0-9]{100,}', ['eaam', 'eaac'], ['EAAM', AN, 120], 4),
  kv('facebook-secret', 'Facebook app secret', 'facebook', '[a-f0-9]{32}', ['facebook'], ['', HEX, 32], 3),
  kv('facebook-access-token', 'Facebook app access token (app id|secret)', 'facebook', String.raw`\d{15,16}(?:\||%7C)[0-9a-z_-]{27,40}`, ['facebook'], ['123456789012345|', LN, 32], 3),
  kv('linkedin-client-id', 'LinkedIn client ID', 'linked[_-]?in', '[a-z0-9]{14}', ['linkedin', 'linked_in', 'linked-in'], ['', LN, 14], 2),
  kv('linkedin-client-secret', 'LinkedIn client secret', 'linked[_-]?in', '[a-z0-9]{16}', ['linkedin', 'linked_in', 'linked-in'], ['', LN, 16], 2),
];

export const MESSAGING_TOML = toToml(MESSAGING_RULES);
