// Errors of the tool itself (not findings about the user's project): a stable code, a message in
// the user's language, and exit status 2 as the contract says.
export class UsageError extends Error {
  readonly code = 'GOMOD_DOCTOR_USAGE';
}

export class InputError extends Error {
  readonly code = 'GOMOD_DOCTOR_INPUT';
}
