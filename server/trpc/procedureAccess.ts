import { AREA_ROLES, BOT_EDITOR_ROLES, SUPERVISOR_ROLES } from '../auth/roles';
import type { StaffRole } from '../db/schema';

const studio = AREA_ROLES.studio;
const botEditors = BOT_EDITOR_ROLES;
const admins = AREA_ROLES.admin;
const consoleUsers = AREA_ROLES.console;
const leads = SUPERVISOR_ROLES;

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

  'console.workspace': consoleUsers,
  'console.conversation': consoleUsers,
  'console.setPresence': consoleUsers,
  'console.accept': consoleUsers,
  'console.decline': consoleUsers,
  'console.send': consoleUsers,
  'console.addNote': consoleUsers,
  'console.typing': consoleUsers,
  'console.markRead': consoleUsers,
  'console.end': consoleUsers,
  'console.transfer': consoleUsers,
  'console.transferTargets': consoleUsers,
  'console.quickTexts': consoleUsers,
  'console.events': consoleUsers,

  'supervisor.overview': leads,
  'supervisor.decisions': leads,
  'supervisor.setAgentPresence': leads,
  'supervisor.reassign': leads,
};
