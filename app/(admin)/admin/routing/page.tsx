import { redirect } from 'next/navigation';

export default function RoutingHome() {
  redirect('/admin/routing/queues');
}
