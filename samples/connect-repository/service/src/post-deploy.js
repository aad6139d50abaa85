// Runs once after Connect deploys the service: checks that the deployment is configured.
const required = ['CTP_REGION', 'CTP_PROJECT_KEY', 'CTP_CLIENT_ID', 'CTP_CLIENT_SECRET'];
const missing = required.filter((key) => !process.env[key]);
if (missing.length > 0) {
  process.exitCode = 1;
  process.stderr.write(`missing configuration: ${missing.join(', ')}\n`);
}
