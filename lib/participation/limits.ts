// Limits shared by the forms in the browser and the schemas on the server, in a module without zod so
// that a form importing them does not ship the schema library (README, "Client islands").
export const OPINION_MIN_LENGTH = 5;
export const OPINION_MAX_LENGTH = 5000;
