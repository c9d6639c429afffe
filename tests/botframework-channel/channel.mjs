// Plays an Azure Bot Service channel with Microsoft's own botbuilder 4.23.3 code, to prove SafeChat's /api/messages.
// Sending: BotFrameworkHttpClient.postActivity, as a skill-calling bot posts an activity, with a bearer token from the
// local token issuer that stands in for the Bot Framework's (its credentials class is the only part replaced).
// Receiving: ChannelServiceRoutes + ChannelServiceHandler at the service URL, where SafeChat posts its replies; the
// handler checks SafeChat's bearer token against the stand-in issuer's key, as the real connector checks Azure's.
//
// Usage: node channel.mjs <safechat /api/messages URL> <issuer base URL> <bot app id>
// stdin, one JSON object per line: { id, conversation, channelId, text, locale?, from?, conversationType?, value? }
// stdout, one JSON object per line: { ready: serviceUrl } | { posted: id, status } | { reply: { conversationId, replyToId, activity, token } }
import http from 'node:http';
import crypto from 'node:crypto';
import readline from 'node:readline';
import botbuilder from 'botbuilder';
import connector from 'botframework-connector';

const { BotFrameworkHttpClient, ChannelServiceHandler, ChannelServiceRoutes } = botbuilder;
const { AppCredentials, AuthenticationConfiguration, SimpleCredentialProvider } = connector;

const [safechat, issuer, botId] = process.argv.slice(2);
const out = (value) => process.stdout.write(JSON.stringify(value) + '\n');

// The channel's own token for a service URL, from the stand-in issuer (the real channel gets it from Microsoft).
class StandInChannelCredentials extends AppCredentials {
  constructor(serviceUrl) {
    super('channel-app-id', undefined, botId);
    this.serviceUrl = serviceUrl;
  }
  async refreshToken() {
    const response = await fetch(`${issuer}/channel-token?serviceurl=${encodeURIComponent(this.serviceUrl)}&aud=${encodeURIComponent(botId)}`);
    const accessToken = await response.text();
    return { accessToken, expiresOn: new Date(Date.now() + 3600_000) };
  }
}

// SafeChat's token for the connector: RS256 from the stand-in's Entra key, for https://api.botframework.com.
const issuerKey = crypto.createPublicKey({ key: await (await fetch(`${issuer}/connector-key`)).json(), format: 'jwk' });
function verifyConnectorToken(header) {
  const token = (header || '').replace(/^Bearer /, '');
  const [head, body, signature] = token.split('.');
  if (!signature || !crypto.verify('RSA-SHA256', Buffer.from(`${head}.${body}`), issuerKey, Buffer.from(signature, 'base64url'))) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (claims.aud !== 'https://api.botframework.com' || claims.exp * 1000 < Date.now()) return null;
  return token;
}

class RecordingChannel extends ChannelServiceHandler {
  async authenticate(authHeader) {
    this.lastToken = verifyConnectorToken(authHeader);
    if (!this.lastToken) { const e = new Error('Unauthorized'); e.statusCode = 401; throw e; }
    return { isAuthenticated: true, claims: [] };
  }
  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    out({ reply: { conversationId, replyToId: activityId, activity, token: this.lastToken } });
    return { id: crypto.randomUUID() };
  }
  async onSendToConversation(_claims, conversationId, activity) {
    out({ reply: { conversationId, replyToId: null, activity, token: this.lastToken } });
    return { id: crypto.randomUUID() };
  }
}

// The smallest web server ChannelServiceRoutes can register on (it speaks restify's and express's shape).
const routes = [];
const add = (method) => (path, handler) => routes.push({ method, handler, keys: [...path.matchAll(/:(\w+)/g)].map(m => m[1]),
  pattern: new RegExp('^' + path.replace(/:(\w+)/g, '([^/]+)') + '$') });
const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const route = routes.find(r => r.method === req.method && r.pattern.test(path));
  res.status = (code) => { res.statusCode = code; };
  res.send = (body) => { if (typeof body !== 'string') { res.setHeader('Content-Type', 'application/json'); body = JSON.stringify(body); } res.write(body); };
  if (!route) { res.statusCode = 404; return res.end(); }
  const values = path.match(route.pattern).slice(1).map(decodeURIComponent);
  req.params = Object.fromEntries(route.keys.map((k, i) => [k, values[i]]));
  route.handler(req, res, () => {});
});
new ChannelServiceRoutes(new RecordingChannel(new SimpleCredentialProvider('', ''), new AuthenticationConfiguration())).register(
  { post: add('POST'), get: add('GET'), put: add('PUT'), delete: add('DELETE') });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const serviceUrl = `http://127.0.0.1:${server.address().port}`;

const credentials = new StandInChannelCredentials(serviceUrl);
class ChannelClient extends BotFrameworkHttpClient {
  async buildCredentials() { return credentials; }
}
const client = new ChannelClient(new SimpleCredentialProvider('channel-app-id', 'unused'));
out({ ready: serviceUrl });

for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const say = JSON.parse(line);
  const activity = {
    type: 'message', id: say.id, channelId: say.channelId || 'msteams', serviceUrl, timestamp: new Date().toISOString(),
    conversation: { id: say.conversation, conversationType: say.conversationType || 'personal', tenantId: 'tenant-1' },
    from: { id: say.from || `user-of-${say.conversation}`, name: 'A. Person' }, recipient: { id: botId, name: 'SafeChat' },
    text: say.text, locale: say.locale, value: say.value,
  };
  try {
    const response = await client.postActivity('channel-app-id', botId, safechat, serviceUrl, say.conversation, activity);
    out({ posted: say.id, status: response.status });
  } catch (error) {
    out({ posted: say.id, status: 0, error: String(error) });
  }
}
server.close();
