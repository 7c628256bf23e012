import { useEffect, useState } from 'react';
import type { ChangeEntity } from '@shared/domain/entities';
import { onDataChanged } from '../api/events';

/**
 * A number that grows each time the backend says one of `kinds` changed: a view that reads its
 * own data (a KPI's detail, the hierarchy, the report preview) lists it with its other inputs.
 */
export function useDataVersion(kinds: readonly ChangeEntity[]): number {
  const [version, setVersion] = useState(0);
  const key = kinds.join(',');
  useEffect(
    () =>
      onDataChanged(key.split(',') as ChangeEntity[], () => {
        setVersion((current) => current + 1);
        return undefined;
      }),
    [key],
  );
  return version;
}

export { SCORING_KINDS } from './change-kinds';
