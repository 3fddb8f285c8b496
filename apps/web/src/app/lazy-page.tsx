import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function Loading(): ReactNode {
  const { t } = useI18n();
  return <p>{t('app.loading')}</p>;
}

type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/**
 * A page loaded when it is first opened, so that a role's first screen does not carry every other role's
 * pages: `lazyPage(() => import('./users-page'), 'UsersPage')`. The service worker precaches the chunks, so a
 * page opens offline too.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): (props: PropsOf<M[K]>) => ReactNode {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
  return function LazyPage(props: PropsOf<M[K]>): ReactNode {
    return <Suspense fallback={<Loading />}>{createElement(Lazy, props as object)}</Suspense>;
  };
}
