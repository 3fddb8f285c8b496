import { NetworkError } from '../api/problem';
import { readJson, writeJson } from '../lib/storage';

/**
 * A read whose last answer is kept on the device (localStorage): without a connection (a NetworkError)
 * it answers that copy, so a field officer can write a visit offline. Any other failure, or no copy, is thrown.
 */
export async function withOfflineCopy<T>(storageKey: string, read: () => Promise<T>): Promise<T> {
  try {
    const answer = await read();
    writeJson(localStorage, storageKey, answer);
    return answer;
  } catch (error: unknown) {
    const copy = readJson<T>(localStorage, storageKey);
    if (error instanceof NetworkError && copy !== undefined) return copy;
    throw error;
  }
}
