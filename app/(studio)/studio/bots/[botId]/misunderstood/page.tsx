import type { Metadata } from 'next';
import { PageRoleGate } from '@/app/_components/PageRoleGate';
import { MisunderstoodInbox } from './MisunderstoodInbox';
import './misunderstood.css';

export const metadata: Metadata = { title: 'Misunderstood messages' };

/** Customer messages are for the people who improve the bot: QA's read-only seat is refused. */
export default async function MisunderstoodPage({
  params,
}: {
  params: Promise<{ botId: string }>;
}) {
  const { botId } = await params;
  return (
    <PageRoleGate route="/studio/bots/[botId]/misunderstood">
      <MisunderstoodInbox botId={botId} />
    </PageRoleGate>
  );
}
