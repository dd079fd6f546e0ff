import type { Metadata } from 'next';
import { AgentConsole } from './_workspace/AgentConsole';

export const metadata: Metadata = { title: 'Console' };

export default function ConsolePage() {
  return <AgentConsole />;
}
