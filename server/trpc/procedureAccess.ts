import { AREA_ROLES, BOT_EDITOR_ROLES, SUPERVISOR_ROLES } from '../auth/roles';
import type { StaffRole } from '../db/schema';

const studio = AREA_ROLES.studio;
const botEditors = BOT_EDITOR_ROLES;
const admins = AREA_ROLES.admin;
/** Supervisors watch the floor and read routing's configuration; admins change it. */
const leads = SUPERVISOR_ROLES;
/** Everyone working conversations: agents insert quick texts and pick their own status. */
const consoleStaff = AREA_ROLES.console;
/** Supervisors and admins read reports, as the Reports area lets them in. */
const reportReaders = AREA_ROLES.reports;

/**
 * Who may call each tRPC procedure: the one table the server enforces (`staffProcedure` reads
 * it by the procedure's path) and the access test checks every role against. A procedure
 * missing from it is refused to everyone, and the test names it.
 */
export const PROCEDURE_ACCESS: Record<string, readonly StaffRole[] | 'anyStaff'> = {
  'me.get': 'anyStaff',

  'bots.list': studio,
  'bots.byId': studio,
  'bots.actions': studio,
  'bots.export': studio,
  'bots.draft': studio,
  'bots.tryNlu': studio,
  'bots.previewTurn': studio,
  'bots.previewContacts': studio,
  'bots.previewDeployments': studio,
  'bots.previewNotification': studio,
  'bots.testCases': studio,
  'bots.createTestCase': studio,
  'bots.updateTestCase': studio,
  'bots.deleteTestCase': studio,
  'bots.runTests': studio,
  'bots.versions': studio,
  'bots.version': studio,
  'bots.liveVersions': studio,
  'bots.create': botEditors,
  'bots.rename': botEditors,
  'bots.duplicate': botEditors,
  'bots.delete': botEditors,
  'bots.import': botEditors,
  'bots.saveDraft': botEditors,
  'bots.publish': botEditors,
  'bots.restoreDraft': botEditors,
  'bots.setLiveVersion': botEditors,

  // Customer messages: for the people who improve the bot, not QA's read-only seat.
  'misunderstood.groups': botEditors,
  'misunderstood.openCounts': botEditors,
  'misunderstood.markAdded': botEditors,
  'misunderstood.ignore': botEditors,
  'misunderstood.reopen': botEditors,
  // The canvas overlay and the transcripts behind it: designers improve flows from them.
  'botAnalytics.overlay': botEditors,
  'botAnalytics.nodeConversations': botEditors,
  'botAnalytics.transcript': botEditors,

  'staffUsers.list': admins,
  'staffUsers.create': admins,
  'staffUsers.changeRole': admins,
  'staffUsers.setActive': admins,

  'deployments.list': admins,
  'deployments.byId': admins,
  'deployments.create': admins,
  'deployments.rotateApiKey': admins,
  'deployments.updateAllowedOrigins': admins,
  'deployments.updateIdentity': admins,
  'deployments.prechatFields': admins,
  'deployments.updatePrechatFields': admins,
  'deployments.actionEndpoints': admins,
  'deployments.updateActionEndpoints': admins,
  'deployments.knowledgeBase': admins,
  'deployments.updateKnowledgeBase': admins,
  'deployments.secrets': admins,
  'deployments.setSecret': admins,
  'deployments.deleteSecret': admins,

  'push.settings': admins,
  'push.updateSettings': admins,
  'push.setApns': admins,
  'push.clearApns': admins,
  'push.setFcm': admins,
  'push.clearFcm': admins,
  'push.deliveries': admins,

  'console.workspace': consoleStaff,
  'console.conversation': consoleStaff,
  'console.earlierEntries': consoleStaff,
  'console.setPresence': consoleStaff,
  'console.accept': consoleStaff,
  'console.decline': consoleStaff,
  'console.send': consoleStaff,
  'console.addNote': consoleStaff,
  'console.typing': consoleStaff,
  'console.markRead': consoleStaff,
  'console.end': consoleStaff,
  'console.returnToBot': consoleStaff,
  'console.transfer': consoleStaff,
  'console.transferTargets': consoleStaff,
  'console.quickTexts': consoleStaff,
  'console.events': consoleStaff,

  'supervisor.overview': leads,
  'supervisor.decisions': leads,
  'supervisor.setAgentPresence': leads,
  'supervisor.reassign': leads,
  'routingConfig.skills.list': leads,
  'routingConfig.skills.options': leads,
  'routingConfig.skills.create': admins,
  'routingConfig.skills.rename': admins,
  'routingConfig.skills.delete': admins,
  'routingConfig.queues.list': leads,
  'routingConfig.queues.options': leads,
  'routingConfig.queues.byId': leads,
  'routingConfig.queues.create': admins,
  'routingConfig.queues.update': admins,
  'routingConfig.queues.delete': admins,
  'routingConfig.agents.list': leads,
  'routingConfig.agents.options': leads,
  'routingConfig.agents.update': admins,
  'routingConfig.presenceStatuses.list': consoleStaff,
  'routingConfig.presenceStatuses.create': admins,
  'routingConfig.presenceStatuses.update': admins,
  'routingConfig.presenceStatuses.delete': admins,
  'routingConfig.quickTexts.list': consoleStaff,
  'routingConfig.quickTexts.create': admins,
  'routingConfig.quickTexts.update': admins,
  'routingConfig.quickTexts.delete': admins,
  'routingConfig.settings.get': leads,
  'routingConfig.settings.update': admins,

  'reports.options': reportReaders,
  'reports.volume': reportReaders,
  'reports.botOutcomes': reportReaders,
  'reports.waitTimes': reportReaders,
  'reports.agentTimes': reportReaders,
  'reports.csat': reportReaders,
  'reports.utilisation': reportReaders,
};
