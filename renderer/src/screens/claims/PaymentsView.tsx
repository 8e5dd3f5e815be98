import { maxClaimsPerAction } from '../../../../shared/claims.ts';
import { useCall } from '../../lib/use-call.ts';
import { PayoutsPanel } from '../payouts/PayoutsPanel.tsx';

/** Approved claims waiting for payment (as many as one batch takes), handed to the payouts panel. */
export function PaymentsView() {
  const approved = useCall('claims.list', {
    status: 'goedgekeurd',
    sort: 'datum',
    desc: false,
    pageSize: maxClaimsPerAction,
  });
  return <PayoutsPanel approved={approved.data?.rows ?? []} onChanged={() => void approved.reload()} />;
}
