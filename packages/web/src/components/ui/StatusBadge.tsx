import type { EnumOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

export type MeasureStatus = EnumOf<'MeasureStatus'>;

export function StatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status.toLowerCase().replace('_', '-')}`}>{t(`status.${status}`)}</span>
  );
}
