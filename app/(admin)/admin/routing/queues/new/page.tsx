import type { Metadata } from 'next';
import { QueueEditor } from '../QueueEditor';

export const metadata: Metadata = { title: 'New queue' };

export default function NewQueuePage() {
  return <QueueEditor id={null} />;
}
