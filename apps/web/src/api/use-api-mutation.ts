import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';

/**
 * A write to the API. On success it invalidates `invalidates` (keys from `queryKeys`) and settles once the
 * views showing them have read again, so a success message and the new state arrive together.
 */
export function useApiMutation<V, R = unknown>(
  write: (variables: V) => Promise<R>,
  invalidates: readonly QueryKey[],
): UseMutationResult<R, unknown, V> {
  const queryClient = useQueryClient();
  return useMutation<R, unknown, V>({
    mutationFn: write,
    onSuccess: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
