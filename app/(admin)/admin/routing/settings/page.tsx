import type { Metadata } from 'next';
import { RoutingSettingsForm } from './RoutingSettingsForm';

export const metadata: Metadata = { title: 'Routing settings' };

export default function RoutingSettingsPage() {
  return <RoutingSettingsForm />;
}
