import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TrpcProviders } from './_trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Parley', template: '%s · Parley' },
  description: 'In-app customer messaging with a visual bot studio',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
