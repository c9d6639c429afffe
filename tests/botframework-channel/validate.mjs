// Test oracle: Microsoft's own bot-side check of a channel's token (botframework-connector 4.23.3,
// ChannelValidation.authenticateChannelTokenWithServiceUrl: signature from the OpenID metadata's keys, issuer, audience,
// expiry with 5 minutes' tolerance, endorsement for the channel, serviceurl claim), for comparison with SafeChat's.
// Usage: node validate.mjs <OpenID metadata URL> <bot app id>
// stdin: JSON array of { token, serviceUrl, channelId }; stdout: JSON array of booleans (accepted or not).
import connector from 'botframework-connector';

const { ChannelValidation, SimpleCredentialProvider } = connector;
const [metadataUrl, appId] = process.argv.slice(2);
ChannelValidation.OpenIdMetadataEndpoint = metadataUrl;
const credentials = new SimpleCredentialProvider(appId, '');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const verdicts = [];
for (const { token, serviceUrl, channelId } of JSON.parse(input)) {
  try {
    await ChannelValidation.authenticateChannelTokenWithServiceUrl(`Bearer ${token}`, credentials, serviceUrl, channelId);
    verdicts.push(true);
  } catch {
    verdicts.push(false);
  }
}
process.stdout.write(JSON.stringify(verdicts));
