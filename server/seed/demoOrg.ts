import type { StaffRole } from '../db/schema';

/** The demo org a fresh install starts with, as data; `seedDemoOrg` makes it so. */
export const DEMO_ORG = {
  name: 'Acme',
  slug: 'acme',
  staff: [
    { email: 'admin@acme.test', name: 'Ada Admin', role: 'admin' },
    { email: 'designer@acme.test', name: 'Dana Designer', role: 'designer' },
    { email: 'qa@acme.test', name: 'Quinn QA', role: 'qa' },
    { email: 'supervisor@acme.test', name: 'Sam Supervisor', role: 'supervisor' },
    {
      email: 'alice@acme.test',
      name: 'Alice Agent',
      role: 'agent',
      skill: 'orders',
      queue: 'Orders',
    },
    {
      email: 'bob@acme.test',
      name: 'Bob Agent',
      role: 'agent',
      skill: 'accounts',
      queue: 'Accounts',
    },
  ] as { email: string; name: string; role: StaffRole; skill?: string; queue?: string }[],
  skills: ['orders', 'accounts'],
  queues: ['Orders', 'Accounts'],
  presenceStatuses: [
    { name: 'Lunch', takesWork: false },
    { name: 'Training', takesWork: false },
  ],
  quickTexts: [
    {
      title: 'Greeting',
      body: 'Hi {{contact.name}}, this is {{agent.name}} — how can I help?',
    },
    { title: 'Order lookup', body: 'Could you confirm your order number, {{contact.name}}?' },
  ],
  deployments: [
    { publicId: 'acme-app', name: 'Acme mobile app', channel: 'in_app' },
    { publicId: 'acme-web', name: 'Acme web store', channel: 'web' },
  ] as const,
  accounts: [
    { name: 'Globex Corporation', tier: 'gold' },
    { name: 'Initech', tier: 'standard' },
  ],
  contacts: [
    {
      externalUserId: 'user-1001',
      name: 'Jamie Rivera',
      email: 'jamie@example.com',
      account: 'Globex Corporation',
      cases: [
        { number: '00001001', subject: 'Parcel arrived damaged', status: 'closed' },
        { number: '00001002', subject: 'Change delivery address', status: 'working' },
      ],
    },
    {
      externalUserId: 'user-1002',
      name: 'Priya Shah',
      email: 'priya@example.com',
      account: 'Initech',
      cases: [
        { number: '00001003', subject: 'Cannot sign in after password change', status: 'closed' },
      ],
    },
    {
      externalUserId: 'user-1003',
      name: 'Chen Wei',
      email: 'chen@example.com',
      account: null,
      cases: [],
    },
  ],
} as const;
