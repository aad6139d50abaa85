const test = require('node:test');
const assert = require('node:assert');
const { decodeMessage, actionFor } = require('../src/handler');

const push = (message) => ({ message: { data: Buffer.from(JSON.stringify(message)).toString('base64') } });

test('an OrderCreated message tags the order', () => {
  const message = decodeMessage(push({ type: 'OrderCreated', resource: { typeId: 'order', id: 'o-1' } }));
  assert.deepStrictEqual(actionFor(message), { action: 'tag-order', orderId: 'o-1' });
});

test('other messages are ignored', () => {
  assert.deepStrictEqual(actionFor({ type: 'CustomerCreated', resource: { typeId: 'customer', id: 'c-1' } }), { action: 'ignore' });
});

test('a body that is not a push message is rejected', () => {
  assert.throws(() => decodeMessage({}));
});
