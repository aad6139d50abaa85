// Decodes a Pub/Sub push message from Connect's subscription and says what to do with it.
function decodeMessage(body) {
  if (!body || !body.message || typeof body.message.data !== 'string') {
    throw new Error('not a Pub/Sub push message');
  }
  return JSON.parse(Buffer.from(body.message.data, 'base64').toString('utf8'));
}

function actionFor(message) {
  if (message.type === 'OrderCreated' && message.resource && message.resource.typeId === 'order') {
    return { action: 'tag-order', orderId: message.resource.id };
  }
  return { action: 'ignore' };
}

module.exports = { decodeMessage, actionFor };
