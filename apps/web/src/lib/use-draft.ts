import { useCallback, useState } from 'react';
import { readJson, writeJson } from './storage';

const PREFIX = 'unblock.draft.';

/**
 * A form's values, kept in sessionStorage as they are typed: when the session ends and the user signs in
 * again (or the page reloads), the form comes back as it was. `clear` after a successful submit.
 */
export function useDraft<T extends object>(
  key: string,
  initial: () => T,
): [T, (patch: Partial<T>) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => ({
    ...initial(),
    ...(readJson<Partial<T>>(sessionStorage, storageKey) ?? {}),
  }));
  const update = useCallback(
    (patch: Partial<T>) =>
      setValue((previous) => {
        const next = { ...previous, ...patch };
        writeJson(sessionStorage, storageKey, next);
        return next;
      }),
    [storageKey],
  );
  const clear = useCallback(() => {
    writeJson(sessionStorage, storageKey, undefined);
    setValue(initial());
    // `initial` is a factory, read once per clear.
  }, [storageKey]);
  return [value, update, clear];
}
