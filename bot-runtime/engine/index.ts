/** The engine's public surface for the server and the studio preview. */
export { type BotOutput, botOutputSchema, type HandoffPayload } from '../flow/nodes/botOutput';
export type { TraceReason } from '../flow/nodes/traceReason';
export { type TurnInput, turnInputSchema } from '../flow/nodes/turnInput';
export type { ActionCatalog, Clock, EngineServices } from './engineServices';
export { type RunTurnRequest, runTurn, type SessionStart, type TurnResult } from './runTurn';
export { type SessionState, sessionStateSchema } from './sessionState';
export { type SilenceTimeout, silenceTimeout } from './silenceTimeout';
export type { TraceStep, TurnTrace } from './turnTrace';
