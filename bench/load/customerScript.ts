/**
 * What a customer says. Every answer from the demo bot ends with "anything else?", so questions
 * alternate with a "yes" that takes the flow back to its menu; both are full bot turns. Customers
 * start at different questions so the NLU, the order lookup and the FAQ search all stay busy.
 */
const QUESTIONS = [
  'Where is my order A1001?',
  "What's the status of my order A1002?",
  'Can you check order A1003 for me',
  'Has my order A1004 shipped yet?',
  'What are your opening hours?',
  'When are you open?',
  'How long does shipping take?',
  'Do you ship internationally?',
  'How do I return an item?',
  'What is your return policy?',
];

/** One conversation's lines; a new conversation starts a new script at a question. */
export function customerScript(customerIndex: number) {
  let turn = 0;
  return () => {
    const current = turn++;
    if (current % 2 === 1) return 'yes';
    return (
      QUESTIONS[(customerIndex + current / 2) % QUESTIONS.length] ?? 'Where is my order A1001?'
    );
  };
}
