// Test oracle: signatures computed by the official `twilio` npm package, for comparison with SafeChat's own code.
// stdin: JSON array of { token, url, params: [[name, value], ...] }; stdout: JSON array of signatures.
import twilio from 'twilio';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const requests = JSON.parse(input);
const signatures = requests.map(({ token, url, params }) => {
  const form = {};
  for (const [name, value] of params) {
    if (name in form) form[name] = [].concat(form[name], value);
    else form[name] = value;
  }
  return twilio.getExpectedTwilioSignature(token, url, form);
});
process.stdout.write(JSON.stringify(signatures));
