import { RiskController } from '../../../shared/risk/controller';
import type { RiskCall } from '../../../shared/risk/controller';
import type { RiskConfig } from '../../../shared/risk/config';
import { paramsHash } from '../../../shared/risk/canonical';

export function call(partial: Partial<RiskCall> & { capability: string; method: string }): RiskCall {
  const params = partial.params ?? {};
  return {
    extensionId: 'ext',
    callId: 'c',
    paramsHash: paramsHash(params),
    policyReason: 'permissive',
    policyProfile: 'permissive',
    tsMs: 1000,
    ...partial,
    params,
  };
}

export function controller(config: Partial<RiskConfig> = {}, enforced = false): RiskController {
  return new RiskController({ enabled: true, enforce: false, ...config }, { enforced });
}
