// commercetools Connect service: configuration and credentials come from the deployment's environment.
const http = require('node:http');
const { overdueOrders, parseReminderDays } = require('./reminders');

const reminderDays = parseReminderDays(process.env.REMINDER_DAYS);

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : { orders: [] };
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ overdue: overdueOrders(body.orders ?? [], reminderDays, new Date()) }));
  });
}).listen(Number(process.env.PORT ?? 8080));
