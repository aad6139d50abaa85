// commercetools Connect event application: Connect pushes subscription messages to this endpoint.
const http = require('node:http');
const { decodeMessage, actionFor } = require('./handler');

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    try {
      const decision = actionFor(decodeMessage(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      response.statusCode = 200;
      response.end(JSON.stringify(decision));
    } catch {
      // Acknowledge malformed messages so Pub/Sub does not redeliver them forever.
      response.statusCode = 202;
      response.end();
    }
  });
}).listen(Number(process.env.PORT ?? 8080));
