// commercetools Connect service: credentials come from the Connect deployment's secured configuration.
const http = require('node:http');

const reminderDays = Number(process.env.REMINDER_DAYS ?? 7);

http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ reminderDays }));
}).listen(Number(process.env.PORT ?? 8080));
