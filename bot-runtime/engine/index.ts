/** The engine's public surface for the server and the studio preview. */
export { type BotOutput, botOutputSchema, type HandoffPayload } from './botOutput';
export type { ActionCatalog, Clock, EngineServices } from './engineServices';
export { type RunTurnRequest, runTurn, type TurnResult } from './runTurn';
export { type SessionState, sessionStateSchema } from './sessionState';
export { type SilenceTimeout, silenceTimeout } from './silenceTimeout';
export { type TurnInput, turnInputSchema } from './turnInput';
export type { TraceReason, TraceStep, TurnTrace } from './turnTrace';
