import type { Principal } from '../core/auth/principal';
import type { DemoRegion } from './demo-users';

/** The accounts of one demo region, as the story acts through them. */
export interface DemoRegionCast {
  region: DemoRegion;
  bureauId: string;
  departmentId: string;
  finance: Principal; // 财政审核人
  bureauAdmin: Principal; // 管理员 of the bureau's subtree
  reviewer: Principal; // 部门审核人
  editors: ReadonlyMap<string, Principal>; // 单位填报人, by unit id
}

/** Everyone the demo story acts through. */
export interface DemoCast {
  admin: Principal; // 系统管理员
  regions: readonly DemoRegionCast[];
}
