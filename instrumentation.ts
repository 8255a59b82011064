// Runs once when a server starts: validates the configuration (a bad value stops the start with a
// clear message) and starts the scheduler that publishes and closes consultations on time, and the audit sealer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.SCHEDULER === "on") {
    const { startScheduler } = await import("@/lib/scheduler/start-scheduler");
    await startScheduler();
  }
  if (env.AUDIT_SEALER === "on") {
    const { startAuditSealer } = await import("@/lib/oversight/seal");
    startAuditSealer();
  }
}
