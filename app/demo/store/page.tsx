import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getEnv } from '@/server/env';
import { DEMO_PRODUCTS } from './products';
import styles from './store.module.css';

export const metadata: Metadata = { title: 'Acme store (demo)' };
// PARLEY_DEMO is read when the page is asked for, not when it is built.
export const dynamic = 'force-dynamic';

/**
 * A fake shop with Parley's web widget on it, open to anyone, so a fresh install has something
 * to chat with at once. The widget is embedded exactly as a customer's site would embed it.
 */
export default function DemoStorePage() {
  if (!getEnv().demo) notFound();
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.brand}>Acme outdoor store</p>
        <span className="muted">A demo shop for trying Parley's web widget</span>
      </header>
      <section className={styles.hint} aria-label="Try the chat">
        <h1>Questions about an order?</h1>
        <p>
          Open the chat in the corner and ask <code>where is my order A1001?</code>, ask about
          shipping or returns, or say <code>talk to a human</code>.
        </p>
      </section>
      <ul className={styles.grid} aria-label="Products">
        {DEMO_PRODUCTS.map((product) => (
          <li key={product.id} className={styles.product}>
            <div className={styles.swatch} style={{ background: product.colour }} aria-hidden />
            <div className={styles.details}>
              <h2>{product.name}</h2>
              <p className="muted">{product.blurb}</p>
              <p className={styles.price}>${product.price}</p>
            </div>
          </li>
        ))}
      </ul>
      <script src="/widget.js" data-deployment="acme-web" async />
    </main>
  );
}
