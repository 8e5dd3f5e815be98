/** A refusal for the beheerder: its Dutch message is all they are shown (no stack), and the command exits with 2. */
export class Refusal extends Error {}
