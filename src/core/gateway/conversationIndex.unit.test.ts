import * as assert from 'node:assert/strict';
import { ConversationIndex } from './conversationIndex';

describe('ConversationIndex', () => {
  const system = { role: 'system', content: 'You are a coding assistant.' };
  const first = [system, { role: 'user', content: 'first question' }];

  it('finds the conversation a resent history continues, and keeps it apart from another', () => {
    const index = new ConversationIndex();
    const a = index.find(first);
    index.remember(first, a);
    const resent = [...first, { role: 'assistant', content: 'an answer' }, { role: 'user', content: 'more' }];
    assert.equal(index.find(resent), a);
    // Content given as parts reads the same as a string.
    const parts = [system, { role: 'user', content: [{ type: 'text', text: 'first question' }] }];
    assert.equal(index.find(parts), a);
    const other = [system, { role: 'user', content: 'another chat' }];
    assert.notEqual(index.find(other), a);
  });

  it('does not join two chats that share only their system prompt', () => {
    const index = new ConversationIndex();
    index.remember([system], index.find([system]));
    index.remember(first, index.find(first));
    assert.equal(index.size, 1);
    assert.notEqual(index.find([system, { role: 'user', content: 'x' }]), index.find(first));
  });
});
