// Which orders are overdue: pure, so the tests need no commercetools project.
const DAY_MS = 24 * 60 * 60 * 1000;

function overdueOrders(orders, reminderDays, now) {
  const limit = now.getTime() - reminderDays * DAY_MS;
  return orders
    .filter((order) => order.paymentState !== 'Paid' && Date.parse(order.createdAt) < limit)
    .map((order) => order.id);
}

function parseReminderDays(value) {
  const days = Number(value ?? 7);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error('REMINDER_DAYS must be a whole number of days, 1 or more');
  }
  return days;
}

module.exports = { overdueOrders, parseReminderDays };
