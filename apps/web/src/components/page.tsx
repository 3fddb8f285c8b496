import type { ReactNode } from 'react';

/** A page: its heading (the layout moves the focus to it on navigation) and its content. */
export function Page({
  title,
  actions,
  wide = false,
  children,
}: {
  title: string;
  actions?: ReactNode;
  /** A page of wide tables and charts takes the whole width of the screen, not the reading measure. */
  wide?: boolean;
  children: ReactNode;
}): ReactNode {
  return (
    <section className={wide ? 'page page-wide' : 'page'} aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** A status as a labelled badge (colour is never the only cue: the label is the text). */
export function StatusBadge({ status, label }: { status: string; label: string }): ReactNode {
  return <span className={`badge badge-${status}`}>{label}</span>;
}
