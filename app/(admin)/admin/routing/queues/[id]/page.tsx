import type { Metadata } from 'next';
import { QueueEditor } from '../QueueEditor';

export const metadata: Metadata = { title: 'Queue' };

export default async function QueuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <QueueEditor id={id} />;
}
