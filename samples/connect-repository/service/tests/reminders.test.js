const test = require('node:test');
const assert = require('node:assert');
const { overdueOrders, parseReminderDays } = require('../src/reminders');

const now = new Date('2026-03-10T12:00:00Z');

test('an unpaid order older than the reminder period is overdue', () => {
  const orders = [
    { id: 'a', paymentState: 'Pending', createdAt: '2026-03-01T00:00:00Z' },
    { id: 'b', paymentState: 'Paid', createdAt: '2026-03-01T00:00:00Z' },
    { id: 'c', paymentState: 'Pending', createdAt: '2026-03-09T00:00:00Z' },
  ];
  assert.deepStrictEqual(overdueOrders(orders, 7, now), ['a']);
});

test('the reminder period is a whole number of days', () => {
  assert.strictEqual(parseReminderDays(undefined), 7);
  assert.strictEqual(parseReminderDays('3'), 3);
  assert.throws(() => parseReminderDays('0'));
  assert.throws(() => parseReminderDays('1.5'));
});
