/** Response header every mock-server response carries, so clients can tell a simulation from Claude. */
export const SIMULATED_HEADER = "x-simulated-by";
