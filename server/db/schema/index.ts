export * from './bots';
export * from './crm';
export * from './deployments';
export * from './feedback';
export * from './messaging';
export * from './orgs';
export * from './push';
export * from './routing';
