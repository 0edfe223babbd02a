// The title bar of Gatewhy's full pages ("Recent errors", "Explain a response"); each page has its own h1 below it.
import type { ComponentChildren } from 'preact';
import { say } from '../utils/wording';

export function PageHeader({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar page-topbar">
      <p class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        Gatewhy
      </p>
      <nav aria-label={say('view.pages.navigation')}>{children}</nav>
    </header>
  );
}
