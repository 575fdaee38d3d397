export declare const repoRoot: string;
export declare const oursSpec: string;
export declare const upstreamRoot: string;
export declare const upstreamSpec: string;
export declare const upstreamCommonTypes: string;
